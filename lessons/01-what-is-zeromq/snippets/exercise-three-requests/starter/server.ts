import * as zmq from "zeromq";

// The server is done: it answers exactly three requests, then exits.
const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");

for (let n = 1; n <= 3; n++) {
  const [request] = await server.receive();
  console.log(`request ${n}: ${request.toString()}`);
  await server.send(`World ${n}`);
}

server.close();
console.log("served 3 requests");
