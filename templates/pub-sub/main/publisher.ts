import * as zmq from "zeromq";
import { setTimeout as sleep } from "node:timers/promises";

// PUB: sends every message to every subscriber whose subscription matches its start.
const publisher = new zmq.Publisher();
await publisher.bind("tcp://127.0.0.1:5556");
console.log("publishing weather and news");

// A subscriber that connects late misses what was sent before ("slow joiner"),
// so the publisher keeps publishing for a while instead of sending once.
let sent = 0;
for (let n = 0; n < 20; n++) {
  await publisher.send(`weather ${15 + (n % 10)}°C`);
  await publisher.send(`news item ${n}`);
  sent += 2;
  await sleep(100);
}
await publisher.send("END");
console.log(`published ${sent} updates, then END`);
publisher.close();
