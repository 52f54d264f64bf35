import * as zmq from "zeromq";

const reply = new zmq.Reply();
await reply.bind("tcp://127.0.0.1:5555");
const request = new zmq.Request();
request.connect("tcp://127.0.0.1:5555");

await request.send("Hello");
const [question] = await reply.receive();
await reply.send("World");
const [answer] = await request.receive();
console.log(`${question} → ${answer}`);

request.close();
reply.close();
