import * as zmq from "zeromq";

const count = 10;
const subscribers = 2;

const publisher = new zmq.Publisher();
publisher.bindSync("tcp://127.0.0.1:5555");

// The synchronisation channel: each subscriber sends "ready" here.
const sync = new zmq.Reply();
await sync.bind("tcp://127.0.0.1:5556");
for (let ready = 1; ready <= subscribers; ready++) {
  await sync.receive();
  await sync.send("go");
  console.log(`subscriber ${ready}/${subscribers} is ready`);
}
sync.close();

for (let n = 1; n <= count; n++) {
  await publisher.send(`message ${n}`);
}
console.log(`published ${count} messages`);

await new Promise((resolve) => setTimeout(resolve, 1000)); // stay up one more second
publisher.close();
