import * as zmq from "zeromq";

// SUB: receives only the messages that start with a topic it subscribed to.
const subscriber = new zmq.Subscriber();
subscriber.connect("tcp://127.0.0.1:5556");
subscriber.subscribe("weather");

let news = 0;
for (let n = 0; n < 5; n++) {
  const [update] = await subscriber.receive();
  const text = update.toString();
  if (text.startsWith("news")) news++;
  console.log(text);
}
console.log(`received 5 weather updates, ${news === 0 ? "no news" : `${news} news`}`);
subscriber.close();
