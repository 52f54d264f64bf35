import * as zmq from "zeromq";

// The server has already moved from tcp://127.0.0.1:5555 to a socket file.
const server = new zmq.Reply();
await server.bind("ipc://hello.sock");
console.log("listening on ipc://hello.sock");

const [request] = await server.receive();
console.log(`received ${request.toString()}`);
await server.send("World over ipc");
console.log("replied World over ipc");

server.close();
