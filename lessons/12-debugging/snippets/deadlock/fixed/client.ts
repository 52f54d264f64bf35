import * as zmq from "zeromq";

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");

// REQ speaks first: send, then receive.
await client.send("Hello");
console.log("client: sent Hello");

const [welcome] = await client.receive();
console.log(`client: received ${welcome.toString()}`);

client.close();
