import * as zmq from "zeromq";

const server = new zmq.Router();
await server.bind("tcp://127.0.0.1:5555");

// A REQ client's message arrives as [identity, "", "Hello"].
const [identity, delimiter, request] = await server.receive();
console.log(`received ${request.toString()} from ${JSON.stringify(identity.toString())}`);

// ✅ The same envelope goes back in front of the answer: the identity tells
// the ROUTER which connection to use (and is removed on the way out), the
// empty delimiter is what the REQ socket expects before the body.
await server.send([identity, delimiter, "World"]);
console.log(`sent ["${identity}", "${delimiter}", "World"]`);

server.close();
