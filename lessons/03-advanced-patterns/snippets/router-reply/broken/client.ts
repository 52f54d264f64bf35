import * as zmq from "zeromq";

const client = new zmq.Request({ routingId: "client-1" });
client.connect("tcp://127.0.0.1:5555");

await client.send("Hello");
console.log("sent Hello, waiting for the reply…");

const [reply] = await client.receive();
console.log(`received ${reply.toString()}`);
client.close();
