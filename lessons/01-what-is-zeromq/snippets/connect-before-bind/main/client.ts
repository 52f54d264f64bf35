import * as zmq from "zeromq";

const started = Date.now();
const client = new zmq.Request();

// Nobody is listening yet: the server starts 1.5 s after this process.
// That is fine. ZeroMQ keeps retrying the connection in the background.
client.connect("tcp://127.0.0.1:5555");
console.log("connect() returned, although no server is running yet");

// The message waits in the socket's outgoing queue until the connection is up.
await client.send("Hello");
console.log("send() resolved: Hello is queued");

const [reply] = await client.receive();
console.log(`received ${reply.toString()} after ${Date.now() - started} ms`);

client.close();
