import * as zmq from "zeromq";

// A REQ socket with a chosen identity. Set it before connect().
const client = new zmq.Request({ routingId: "alice" });
client.connect("tcp://127.0.0.1:5555");

// REQ adds an empty delimiter frame in front of the message, invisibly.
await client.send("Hello from REQ");
const [reply] = await client.receive(); // …and strips it from the reply
console.log(`received ${reply.toString()}`);
client.close();
