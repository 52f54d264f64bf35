import * as zmq from "zeromq";

// A health check, as a container runtime runs one (Docker's HEALTHCHECK, a
// Kubernetes probe): ask, wait a bounded time, exit 0 (healthy) or 1 (not).
const NAME = process.env.RUNNER_PROCESS_NAME;
const socket = new zmq.Request({ receiveTimeout: 500, linger: 0 });
let handshake = false;
socket.events.on("handshake", () => (handshake = true));
socket.connect("tcp://127.0.0.1:5642");
await socket.send("health");
try {
  const [reply] = await socket.receive();
  console.log(`${NAME}: healthy: ${reply}`);
  socket.close();
} catch {
  console.log(`${NAME}: no answer within 500 ms (connection ${handshake ? "up: the port is open" : "down"}): unhealthy`);
  socket.close();
  process.exit(1);
}
