import * as zmq from "zeromq";

// A REQ ("request") socket sends a request, then waits for its reply.
const client = new zmq.Request();

// connect() returns at once (no await): the connection is made in the background.
client.connect("tcp://127.0.0.1:5555");

console.log("sending Hello");
await client.send("Hello");

const [reply] = await client.receive();
console.log(`received ${reply.toString()}`);

client.close();
