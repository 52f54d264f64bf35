import * as zmq from "zeromq";

// An echo server: answers every request with the same bytes.
const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");

for await (const [message] of server) {
  await server.send(message!);
  if (message!.toString() === "bye") break;
}
server.close();
