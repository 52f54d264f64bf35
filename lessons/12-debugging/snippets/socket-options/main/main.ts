import * as zmq from "zeromq";

// Options are plain properties: reading one is zmq_getsockopt, setting one is zmq_setsockopt.
function show(title: string, entries: Record<string, unknown>) {
  console.log(title);
  for (const [name, value] of Object.entries(entries)) {
    console.log(`  ${name.padEnd(22)} ${JSON.stringify(value)}`);
  }
}

console.log(`zeromq.js on libzmq ${zmq.version}`);
show("capabilities", zmq.capability);

const ctx = zmq.context; // the global context every socket uses by default
show("context (zmq.context)", {
  ioThreads: ctx.ioThreads,
  maxSockets: ctx.maxSockets,
  maxMessageSize: ctx.maxMessageSize,
  ipv6: ctx.ipv6,
  blocky: ctx.blocky,
});

const client = new zmq.Request({ receiveTimeout: 2000, linger: 0 });
show("a Request socket, with receiveTimeout and linger set", {
  type: client.type, // the ZMQ_TYPE number: 3 is REQ
  sendHighWaterMark: client.sendHighWaterMark,
  receiveHighWaterMark: client.receiveHighWaterMark,
  sendTimeout: client.sendTimeout,
  receiveTimeout: client.receiveTimeout,
  linger: client.linger,
  immediate: client.immediate,
  reconnectInterval: client.reconnectInterval,
  reconnectMaxInterval: client.reconnectMaxInterval,
  heartbeatInterval: client.heartbeatInterval,
  maxMessageSize: client.maxMessageSize,
  securityMechanism: client.securityMechanism,
});

// readable and writable are ZMQ_EVENTS: "could receive / send right now
// without waiting". They show where a REQ or REP socket is in its lock-step.
const server = new zmq.Reply({ linger: 0 });
await server.bind("tcp://127.0.0.1:*"); // port chosen by the system
console.log(`server bound, lastEndpoint = ${server.lastEndpoint}`);
client.connect(server.lastEndpoint!);

const state = (when: string) =>
  console.log(`${when.padEnd(26)} client writable=${client.writable} readable=${client.readable} | server writable=${server.writable} readable=${server.readable}`);

// Messages travel in the background: wait (up to 2 s) until one has arrived.
const arrived = async (socket: zmq.Reply | zmq.Request) => {
  for (let i = 0; i < 200 && !socket.readable; i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

state("before anything");
await client.send("ping");
await arrived(server);
state("after client.send()");
await server.receive();
state("after server.receive()");
await server.send("pong");
await arrived(client);
state("after server.send()");
await client.receive();
state("after client.receive()");

client.close();
server.close();
