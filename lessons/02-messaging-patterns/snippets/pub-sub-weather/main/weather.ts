import * as zmq from "zeromq";

const subscriber = new zmq.Subscriber();
subscriber.connect("tcp://127.0.0.1:5556");
// Two subscriptions: a message passes if it starts with either prefix.
subscriber.subscribe("weather.");
subscriber.subscribe("END");

const sync = new zmq.Request();
sync.connect("tcp://127.0.0.1:5557");
await sync.send("ready");
await sync.receive();
sync.close();

let count = 0;
for await (const [frame] of subscriber) {
  const text = frame.toString();
  if (text === "END") break;
  console.log(text);
  count++;
}
subscriber.close();
console.log(`received ${count} messages, then END`);
