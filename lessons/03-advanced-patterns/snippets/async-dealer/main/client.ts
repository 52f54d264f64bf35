import * as zmq from "zeromq";

const client = new zmq.Dealer();
client.connect("tcp://127.0.0.1:5555");

// How long the server will work on each request, in milliseconds.
const work = [400, 100, 300, 50, 200];
const started = Date.now();

// A DEALER has no lock-step: send all five requests right away.
// Each carries a request id, so we can tell the replies apart.
for (const [i, ms] of work.entries()) {
  await client.send([`${i + 1}`, `${ms}`]);
  console.log(`sent request ${i + 1}`);
}

// The replies come back in the order the server finishes them.
for (let n = 0; n < work.length; n++) {
  const [requestId, result] = await client.receive();
  console.log(`reply to request ${requestId}: ${result}`);
}

console.log(`5 replies in ${Date.now() - started} ms`);
client.close();
