import * as zmq from "zeromq";

// Answers every request. Kill it (Kill server, under the terminals) and start it
// again (Restart server): it binds the same address, and a client that
// reconnects finds it there. It stops when the client says "bye".
const server = new zmq.Reply({ linger: 0 });
await server.bind("tcp://127.0.0.1:5555");
console.log("ready on tcp://127.0.0.1:5555");

for await (const [request] of server) {
  console.log(`answering ${request}`);
  await server.send(`reply to ${request}`);
  if (`${request}` === "bye") break;
}
server.close();
