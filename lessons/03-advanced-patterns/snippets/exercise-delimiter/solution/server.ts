import * as zmq from "zeromq";

const server = new zmq.Router();
await server.bind("tcp://127.0.0.1:5555");

for (let n = 0; n < 3; n++) {
  // From a REQ client: [identity, "" (the delimiter), request]
  const [identity, delimiter, request] = await server.receive();
  // Back to it: the identity (the ROUTER removes it and picks the connection),
  // then the empty delimiter (the REQ socket removes it), then the body.
  await server.send([identity, delimiter, `Hello ${identity}`]);
  console.log(`answered ${identity}`);
}

server.close();
console.log("server done");
