import * as zmq from "zeromq";

const server = new zmq.Router();
await server.bind("tcp://127.0.0.1:5555");

for (let n = 0; n < 3; n++) {
  const frames = await server.receive();
  const identity = frames[0];
  // TODO: the clients are REQ sockets. Look at what arrives (print `frames`
  // if you like) and send back the envelope a REQ socket expects.
  await server.send([identity, `Hello ${identity}`]);
  console.log(`answered ${identity}`);
}

server.close();
console.log("server done");
