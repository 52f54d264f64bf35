import * as zmq from "zeromq";

// Same relative path as the server: both processes run in /tmp.
const address = "ipc://hello.sock";

const client = new zmq.Request();
client.connect(address);

await client.send("Hello");
console.log(`sent Hello to ${address}`);

const [reply] = await client.receive();
console.log(`received ${reply.toString()}`);

client.close();
