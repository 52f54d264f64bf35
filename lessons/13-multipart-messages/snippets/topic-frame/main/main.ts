import * as zmq from "zeromq";

const pub = new zmq.Publisher();
await pub.bind("tcp://127.0.0.1:5555");
const sub = new zmq.Subscriber();
sub.connect("tcp://127.0.0.1:5555");
sub.subscribe("weather"); // a prefix, matched against the FIRST frame only

await new Promise((r) => setTimeout(r, 300)); // let the subscription reach the PUB

await pub.send(["weather", "sunny"]);
await pub.send(["weather/paris", "rain"]);       // "weather" is a prefix of it: matches
await pub.send(["news", "weather is nice today"]); // only frame 0 is looked at: dropped
await pub.send(["weather", "END"]);

let received = 0;
for await (const [topic, ...body] of sub) {
  received++;
  console.log(`topic ${JSON.stringify(topic.toString())}, body ${body.map((f) => JSON.stringify(f.toString())).join(", ")}`);
  if (body[0].toString() === "END") break;
}
console.log(`received ${received} messages; "news" never arrived`);
pub.close();
sub.close();
