import * as zmq from "zeromq";

// A last value cache: a PUB/SUB proxy that remembers the latest value of
// every topic and replays it to a subscriber that subscribes.
const frontend = new zmq.XSubscriber({ linger: 0 });
const backend = new zmq.XPublisher({ linger: 0, verbosity: "allSubs" });
await frontend.bind("tcp://127.0.0.1:5557");
await backend.bind("tcp://127.0.0.1:5558");
console.log("proxy: publishers on :5557, subscribers on :5558");

// Take every topic from upstream: a subscription frame is byte 1 + the topic.
await frontend.send(Buffer.from([1]));

const cache = new Map<string, Buffer>();

// Two loops send on the backend, and zeromq.js allows one send in flight per
// socket (a second one throws EBUSY): chain them.
let sends = Promise.resolve();
const publish = (topic: Buffer, value: Buffer) => (sends = sends.then(() => backend.send([topic, value])));

// Upstream to downstream: remember, then forward.
async function forwardUpdates() {
  for await (const [topic, value] of frontend) {
    cache.set(topic!.toString(), value!);
    await publish(topic!, value!);
  }
}

// Downstream to upstream: a new subscription gets the cached value at once.
async function watchSubscriptions() {
  for await (const [frame] of backend) {
    const kind = frame![0] === 1 ? "subscribe" : "unsubscribe";
    const topic = frame!.subarray(1).toString();
    console.log(`proxy: ${kind} "${topic}"`);
    const value = cache.get(topic);
    if (kind === "subscribe" && value !== undefined) {
      console.log(`proxy: replay ${topic} = ${value} from the cache`);
      await publish(Buffer.from(topic), value);
    }
  }
}

forwardUpdates().catch(() => {});
watchSubscriptions().catch(() => {});
setTimeout(() => {
  frontend.close();
  backend.close();
  console.log("proxy: done");
}, 5000);
