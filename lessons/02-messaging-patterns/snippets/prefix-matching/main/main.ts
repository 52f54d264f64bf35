import * as zmq from "zeromq";
import { setTimeout as sleep } from "node:timers/promises";

const publisher = new zmq.Publisher();
await publisher.bind("tcp://127.0.0.1:5556");

// Five subscribers, each with its own subscriptions.
function connectSubscriber() {
  const sub = new zmq.Subscriber({ receiveTimeout: 300 });
  sub.connect("tcp://127.0.0.1:5556");
  return sub;
}
const all = connectSubscriber();
all.subscribe(); // no prefix: everything (same as subscribe(""))
const weather = connectSubscriber();
weather.subscribe("weather");
const weatherDot = connectSubscriber();
weatherDot.subscribe("weather.");
const parisAndSports = connectSubscriber();
parisAndSports.subscribe("weather.paris", "sports."); // two subscriptions
const none = connectSubscriber(); // never subscribes

const subs: [string, zmq.Subscriber][] = [
  ["subscribe()", all],
  ['subscribe("weather")', weather],
  ['subscribe("weather.")', weatherDot],
  ['subscribe("weather.paris", "sports.")', parisAndSports],
  ["no subscription", none],
];

// Receive until nothing more comes for 300 ms; return the topics (first frames).
async function topics(sub: zmq.Subscriber) {
  const seen: string[] = [];
  try {
    for (;;) {
      const [topic] = await sub.receive();
      seen.push(topic.toString());
    }
  } catch (err: any) {
    if (err.code !== "EAGAIN") throw err; // EAGAIN: the receiveTimeout expired
  }
  return seen.join(", ") || "(nothing)";
}

// Connecting and subscribing take a moment: give them time before publishing
// (in one process, a short pause is enough).
await sleep(300);

// Two-frame messages: [topic, body]. Filtering looks at the first frame only.
const messages = [
  ["weather.paris", "18°C"],
  ["weatherstation.status", "online"],   // starts with "weather" too!
  ["weather.tokyo", "24°C"],
  ["sports.tennis", "6-4"],
  ["news", "weather.paris: sunny"],      // the second frame does not count
  ["Weather.paris", "18°C"],             // bytes, so case matters
];
for (const message of messages) await publisher.send(message);

const results = await Promise.all(subs.map(([, sub]) => topics(sub)));
subs.forEach(([label], i) => console.log(`${label.padEnd(40)} → ${results[i]}`));

// Unsubscribe takes one prefix away; the other subscription stays.
parisAndSports.unsubscribe("sports.");
await sleep(100); // the unsubscription travels to the publisher, like a subscription

await publisher.send(["sports.tennis", "7-5"]);
await publisher.send(["weather.paris", "19°C"]);
console.log(`${'after unsubscribe("sports.")'.padEnd(40)} → ${await topics(parisAndSports)}`);

for (const [, sub] of subs) sub.close();
publisher.close();
