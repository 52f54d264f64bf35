import * as zmq from "zeromq";

const pub = new zmq.Publisher();
await pub.bind("tcp://127.0.0.1:5555");
await new Promise((r) => setTimeout(r, 800)); // let the subscriber connect and subscribe

const events = [
  { topic: "metrics", text: "cpu 12%" },
  { topic: "alerts", text: "disk 91% full" },
  { topic: "metrics", text: "cpu 15%" },
  { topic: "alerts", text: "backup failed" },
  { topic: "metrics", text: "cpu 97%" },
  { topic: "alerts", text: "cpu over 95%" },
];

for (const event of events) {
  // Change only this line: the subscriber filters on the first frame.
  await pub.send(JSON.stringify(event));
}
console.log(`published ${events.length} messages`);
await new Promise((r) => setTimeout(r, 200));
pub.close();
