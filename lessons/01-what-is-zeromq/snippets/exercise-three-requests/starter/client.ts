import * as zmq from "zeromq";

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");

// TODO: send "Hello 1", "Hello 2" and "Hello 3", one after the other,
// and print each reply. Remember the lock-step: send, receive, send, receive…
await client.send("Hello 1");
const [reply] = await client.receive();
console.log(`received ${reply.toString()}`);

client.close();
