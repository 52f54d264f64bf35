import * as zmq from "zeromq";

// A DEALER without a routingId: the ROUTER makes one up for this connection.
const client = new zmq.Dealer();
client.connect("tcp://127.0.0.1:5555");

// DEALER sends the frames exactly as given: no delimiter is added.
await client.send("Hello from DEALER");
const [reply] = await client.receive();
console.log(`received ${reply.toString()}`);
client.close();
