import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");

const [request] = await server.receive();
console.log(`server: received ${request.toString()}`);
await server.send("World");
server.close();
