import * as zmq from "zeromq";

// A plain PUB/SUB proxy: publishers connect to the XSUB, subscribers to the XPUB.
const frontend = new zmq.XSubscriber({ linger: 0 });
const backend = new zmq.XPublisher({ linger: 0 });
await frontend.bind("tcp://127.0.0.1:5557");
await backend.bind("tcp://127.0.0.1:5558");
console.log("proxy: publishers on :5557, subscribers on :5558");

// Take every topic from upstream: a subscription frame is byte 1 + the topic.
await frontend.send(Buffer.from([1]));

// Upstream to downstream: forward every update as it is.
async function forwardUpdates() {
  for await (const [topic, value] of frontend) {
    await backend.send([topic!, value!]);
  }
}

// Downstream to upstream: XPUB hands us the subscription frames.
async function watchSubscriptions() {
  for await (const [frame] of backend) {
    const kind = frame![0] === 1 ? "subscribe" : "unsubscribe";
    console.log(`proxy: ${kind} "${frame!.subarray(1)}"`);
  }
}

forwardUpdates().catch(() => {});
watchSubscriptions().catch(() => {});
setTimeout(() => {
  frontend.close();
  backend.close();
  console.log("proxy: done");
}, 5000);
