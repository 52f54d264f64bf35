import * as zmq from "zeromq";

const TOTAL = 10_000; // messages to publish
const SIZE = 4096; // bytes of data in each message
const HWM = 100_000; // the article's fix: room for 100 000 messages per peer

const mb = () => `${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const pub = new zmq.XPublisher({ sendHighWaterMark: HWM });
await pub.bind("tcp://127.0.0.1:5555");
const sub = new zmq.Subscriber({ receiveHighWaterMark: HWM, receiveTimeout: 1000 });
sub.connect("tcp://127.0.0.1:5555");
sub.subscribe();
await pub.receive(); // wait for the subscription

console.log(`before: ${mb()}`);
for (let n = 1; n <= TOTAL; n++) {
  await pub.send([`tick ${n}`, Buffer.alloc(SIZE)]);
}
// The subscriber is busy elsewhere and has read nothing yet. Nothing was
// dropped: every message waits in a queue, in this process's memory.
await sleep(500);
console.log(`published ${TOTAL} messages of ${SIZE} bytes, none read yet: ${mb()}`);

let received = 0;
try {
  for (;;) {
    const [tick] = await sub.receive();
    received += 1;
    if (tick.toString() === `tick ${TOTAL}`) break;
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
}

pub.close();
sub.close();
console.log(`received ${received}/${TOTAL}`);
