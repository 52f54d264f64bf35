import * as zmq from "zeromq";

const count = 10;
const subscribers = 2;

const publisher = new zmq.Publisher();
publisher.bindSync("tcp://127.0.0.1:5555");

// TODO: wait until all `subscribers` have said they are ready.

for (let n = 1; n <= count; n++) {
  await publisher.send(`message ${n}`);
}
console.log(`published ${count} messages`);

await new Promise((resolve) => setTimeout(resolve, 1000)); // stay up one more second
publisher.close();
