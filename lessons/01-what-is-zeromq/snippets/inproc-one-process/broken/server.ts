import * as zmq from "zeromq";

// inproc:// names live in this process's ZeroMQ context, nowhere else.
const server = new zmq.Reply();
await server.bind("inproc://hello");
console.log("bound inproc://hello, waiting for a request");

const [request] = await server.receive(); // never resolves: no other socket can reach this one
console.log(`received ${request.toString()}`);
await server.send("World");
server.close();
