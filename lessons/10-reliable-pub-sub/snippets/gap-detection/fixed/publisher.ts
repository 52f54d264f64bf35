import * as zmq from "zeromq";

const COUNT = 40; // updates to publish
const EVERY_MS = 25; // one update every 25 ms

// An XPUB that waits for the first subscription, so the slow joiner of
// part 12 loses nothing at the start: whatever is missing later was lost later.
const publisher = new zmq.XPublisher({ linger: 0 });
await publisher.bind("tcp://127.0.0.1:5556");
await publisher.receive();

// Every update carries its sequence number: [topic, seq, value].
for (let seq = 1; seq <= COUNT; seq++) {
  await publisher.send(["price", String(seq), (100 + seq / 100).toFixed(2)]);
  await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
}
console.log(`publisher: published updates 1-${COUNT}`);
await new Promise((resolve) => setTimeout(resolve, 300));
publisher.close();
