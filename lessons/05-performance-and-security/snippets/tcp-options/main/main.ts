import * as zmq from "zeromq";

// TCP keepalive: the kernel probes an idle connection. -1 means "the OS default".
const socket = new zmq.Dealer({
  tcpKeepalive: 1, // SO_KEEPALIVE on
  tcpKeepaliveIdle: 60, // seconds of silence before the first probe
  tcpKeepaliveInterval: 10, // seconds between probes
  tcpKeepaliveCount: 5, // unanswered probes before the connection is dropped
});

// A few more options that matter on real networks.
socket.sendBufferSize = 1024 * 1024; // SO_SNDBUF in bytes (-1: the OS default)
socket.receiveBufferSize = 1024 * 1024; // SO_RCVBUF
socket.reconnectInterval = 100; // ms before the first reconnect attempt
socket.reconnectMaxInterval = 5000; // back off up to 5 s between attempts (0: never back off)
socket.connectTimeout = 2000; // give up a TCP connect() after 2 s (0: the OS decides)
socket.immediate = true; // queue messages only for peers whose connection is complete

const fresh = new zmq.Dealer();
const names = ["tcpKeepalive", "tcpKeepaliveIdle", "tcpKeepaliveInterval", "tcpKeepaliveCount", "sendBufferSize", "receiveBufferSize", "reconnectInterval", "reconnectMaxInterval", "connectTimeout", "immediate"] as const;
console.log(`${"option".padEnd(22)}${"default".padStart(8)}${"set".padStart(9)}`);
for (const name of names) {
  console.log(`${name.padEnd(22)}${String(fresh[name]).padStart(8)}${String(socket[name]).padStart(9)}`);
}

// The article's ZMQ_TCP_NODELAY does not exist: libzmq turns Nagle's algorithm
// off on every TCP connection by itself. zeromq.js refuses unknown options.
try {
  (socket as unknown as Record<string, unknown>).tcpNoDelay = true;
} catch (err) {
  console.log(`tcpNoDelay: ${(err as Error).name}: ${(err as Error).message}`);
}

socket.close();
fresh.close();
