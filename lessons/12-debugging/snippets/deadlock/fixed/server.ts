import * as zmq from "zeromq";

// The server is written correctly: a REP socket receives first, then replies.
const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");
console.log("server: waiting for a request");

const [request] = await server.receive(); // waits for the client to speak
console.log(`server: received ${request.toString()}`);
await server.send("Welcome");
server.close();
