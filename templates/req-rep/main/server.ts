import * as zmq from "zeromq";

// REP: binds, and for every request it receives sends exactly one reply.
const reply = new zmq.Reply();
await reply.bind("tcp://127.0.0.1:5555");

const REQUESTS = 3;
for (let n = 1; n <= REQUESTS; n++) {
  const [request] = await reply.receive();
  console.log(`server got: ${request.toString()}`);
  await reply.send(`World ${n}`);
}
console.log(`server answered ${REQUESTS} requests`);
reply.close();
