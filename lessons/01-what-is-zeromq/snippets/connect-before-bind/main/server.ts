import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");
console.log("listening (the client has been waiting for a while)");

const [request] = await server.receive();
console.log(`received ${request.toString()}`);

await server.send("World");
console.log("replied World");

server.close();
