import * as zmq from "zeromq";

// TODO: the server now listens on ipc://hello.sock. Move the client too.
const address = "tcp://127.0.0.1:5555";

const client = new zmq.Request();
client.connect(address);

await client.send("Hello");
console.log(`sent Hello to ${address}`);

const [reply] = await client.receive();
console.log(`received ${reply.toString()}`);

client.close();
