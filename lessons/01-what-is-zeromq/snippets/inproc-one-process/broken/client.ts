import * as zmq from "zeromq";

// This is another process, with its own context: its "inproc://hello" is a
// different name space. connect() does not fail: it waits for a bind that
// will never happen in this process.
const client = new zmq.Request();
client.connect("inproc://hello");

await client.send("Hello");
console.log("Hello is queued, waiting for the reply");

const [reply] = await client.receive(); // never resolves
console.log(`received ${reply.toString()}`);
client.close();
