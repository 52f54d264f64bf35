import * as zmq from "zeromq";

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");

// The bug: this client expects the server to greet it first, so it starts
// with receive(). A REQ socket must send first, and the REP server is
// waiting for exactly that request. Nobody sends; both wait forever.
console.log("client: waiting for the server's welcome");
const [welcome] = await client.receive();
console.log(`client: received ${welcome.toString()}`);

await client.send("Hello");
client.close();
