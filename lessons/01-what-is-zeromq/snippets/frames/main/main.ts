import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");
const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");

// An array sends one message made of several frames (a "multipart" message).
// Strings are sent as UTF-8, numbers as their text, Buffers as they are.
await client.send(["Hello", 42, Buffer.from([1, 2, 3])]);

// receive() always resolves with an array of Buffers, one per frame,
// and always with the whole message: all of its frames or nothing.
const frames = await server.receive();
console.log(`server: ${frames.length} frames`, frames);
console.log("server: as text", frames.map((frame) => frame.toString()));

// A single string is a message of one frame.
await server.send("World");
const reply = await client.receive();
console.log(`client: ${reply.length} frame`, reply);

// Destructuring takes the first frame: the usual way to read a one-frame message.
const [text] = reply;
console.log(`client: reply is "${text.toString()}"`);

client.close();
server.close();
