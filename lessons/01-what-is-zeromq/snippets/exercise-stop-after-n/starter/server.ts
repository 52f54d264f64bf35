import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");

// TODO: this loop waits for requests forever, so the process never exits.
// Stop after the third request, close the socket and print
// "served 3 requests, socket closed".
let count = 0;
for await (const [request] of server) {
  count += 1;
  console.log(`request ${count}: ${request.toString()}`);
  await server.send(`World ${count}`);
}
