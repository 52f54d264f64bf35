import * as zmq from "zeromq";

const server = new zmq.Router();
await server.bind("tcp://127.0.0.1:5555");

// A REQ client's message arrives as [identity, "", "Hello"].
const [identity, delimiter, request] = await server.receive();
console.log(`received ${request.toString()} from ${JSON.stringify(identity.toString())}`);

// ❌ Answered like a REP would: just the body. The ROUTER reads the first
// frame, "World", as the identity of the peer to send to. No peer is called
// "World", so the message is dropped, silently.
await server.send(["World"]);
console.log('sent ["World"]');

server.close();
