import * as zmq from "zeromq";

// This subscriber joins late, while the publisher is quiet.
const subscriber = new zmq.Subscriber({ receiveTimeout: 2000, linger: 0 });
subscriber.connect("tcp://127.0.0.1:5558");
subscriber.subscribe("temp");
subscriber.subscribe("rain");
console.log("subscriber: joined, subscribed to temp and rain");

const known = new Map<string, string>();
try {
  for (;;) {
    const [topic, value] = await subscriber.receive();
    known.set(topic!.toString(), value!.toString());
    console.log(`subscriber: ${topic} = ${value}`);
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err; // 2 s of silence: done
}
subscriber.close();
const show = (topic: string) => `${topic} = ${known.get(topic) ?? "unknown"}`;
console.log(`subscriber: knows ${show("temp")}, ${show("rain")}`);
