import * as zmq from "zeromq";

console.log(`libzmq ${zmq.version}`);

const address = "tcp://127.0.0.1:5555";

async function server() {
  const socket = new zmq.Reply();
  await socket.bind(address);
  const [request] = await socket.receive();
  console.log(`server: received ${request.toString()}`);
  await socket.send("World");
  socket.close();
}

async function client() {
  const socket = new zmq.Request();
  socket.connect(address);
  await socket.send("Hello");
  const [reply] = await socket.receive();
  console.log(`client: received ${reply.toString()}`);
  socket.close();
}

// Both functions run at the same time on Node's one thread:
// whenever one of them awaits, the other one gets to run.
await Promise.all([server(), client()]);
console.log("both sockets closed");
