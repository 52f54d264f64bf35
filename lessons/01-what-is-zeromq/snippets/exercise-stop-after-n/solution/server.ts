import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");

const limit = 3;
let count = 0;
for await (const [request] of server) {
  count += 1;
  console.log(`request ${count}: ${request.toString()}`);
  await server.send(`World ${count}`);
  if (count === limit) break; // after the reply, so the client gets it
}

// break only leaves the loop: the socket is still open until close().
server.close();
console.log(`served ${count} requests, socket closed`);
