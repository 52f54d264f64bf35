import * as zmq from "zeromq";

// A REP ("reply") socket answers requests, one at a time.
const server = new zmq.Reply();

// bind() opens the endpoint. It returns a Promise: await it before using the socket.
await server.bind("tcp://127.0.0.1:5555");
console.log("listening on tcp://127.0.0.1:5555");

// receive() waits for a message and resolves with its frames: an array of Buffers.
const [request] = await server.receive();
console.log(`received ${request.toString()}`);

// A REP socket must answer before it can receive the next request.
await server.send("World");
console.log("replied World");

// This server answers one request only. Closing the socket lets the process exit.
server.close();
