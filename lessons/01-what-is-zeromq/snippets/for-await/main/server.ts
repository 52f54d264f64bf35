import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");

let served = 0;
// Each turn of the loop awaits the next message: [msg] is its first frame.
for await (const [msg] of server) {
  const text = msg.toString();
  console.log(`received ${text}`);
  if (text === "bye") {
    await server.send("bye");
    break; // leaves the loop, but does NOT close the socket…
  }
  served += 1;
  await server.send(`World ${served}`); // reply before the loop asks for the next request
}

server.close(); // …so close it, or the process could not exit
console.log(`served ${served} requests, socket closed`);
