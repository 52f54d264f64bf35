import * as zmq from "zeromq";

const subscriber = new zmq.Subscriber();
subscriber.connect("tcp://127.0.0.1:5556");
// TODO: receive only the "weather." updates, and still see the END that
// ends this loop. Today this subscribes to everything.
subscriber.subscribe();

// Tell the publisher we are ready.
const sync = new zmq.Request();
sync.connect("tcp://127.0.0.1:5557");
await sync.send("ready");
await sync.receive();
sync.close();

let weather = 0;
let others = 0;
for await (const [frame] of subscriber) {
  const text = frame.toString();
  if (text === "END") break;
  console.log(text);
  if (text.startsWith("weather.")) weather++;
  else others++;
}
subscriber.close();
console.log(`${weather} weather updates, ${others} other messages, then END`);
