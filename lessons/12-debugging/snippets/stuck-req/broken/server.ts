import * as zmq from "zeromq";

// A server that answers one request, then dies while handling the second.
const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");

const [first] = await server.receive();
await server.send(`${first.toString()}: done`);

const [second] = await server.receive();
console.log(`server: got ${second.toString()} and crashed without replying`);
server.close();
