import * as zmq from "zeromq";

// Both sockets belong to this process and to the same (default) context.
const server = new zmq.Reply();
await server.bind("inproc://hello");

const client = new zmq.Request();
client.connect("inproc://hello");

await client.send("Hello");
const [request] = await server.receive();
console.log(`server: received ${request.toString()}`);

await server.send("World");
const [reply] = await client.receive();
console.log(`client: received ${reply.toString()}`);

client.close();
server.close();
