import * as zmq from "zeromq";

// The three client processes run this same file; each names itself
// after its process id so that we can tell them apart.
const me = `client-${process.pid}`;

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");

for (let n = 1; n <= 3; n++) {
  // A two-frame request: who is asking, and the question.
  await client.send([me, `question ${n}`]);
  const [answer] = await client.receive(); // lock-step: one request in flight
  console.log(`${me} got: ${answer}`);
}

client.close();
