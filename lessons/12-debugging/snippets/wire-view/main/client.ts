import * as zmq from "zeromq";

// The client dials the relay, not the server: everything passes through it.
const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5556");

await client.send("Hello");
const [reply] = await client.receive();
console.log(`client: received ${reply.toString()}`);
client.close();
