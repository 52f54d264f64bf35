import * as zmq from "zeromq";

// This server answers two requests, then its process ends: as far as the
// client can tell, the server has crashed and is never coming back.
const server = new zmq.Reply({ linger: 0 });
await server.bind("tcp://127.0.0.1:5555");

for (let n = 1; n <= 2; n++) {
  const [request] = await server.receive();
  await server.send(`reply to ${request}`);
}
server.close();
console.log("server: gone after 2 replies");
