import * as zmq from "zeromq";

const count = 10;

// An XPUB socket is a PUB socket that also lets you read the subscriptions
// its subscribers send: one message per new subscription.
const publisher = new zmq.XPublisher();
publisher.bindSync("tcp://127.0.0.1:5555");

// Wait until a subscription has arrived. Byte 0 is 1 for subscribe (0 for
// unsubscribe); the rest is the topic, empty for "everything".
const [subscription] = await publisher.receive();
const kind = subscription![0] === 1 ? "subscribe" : "unsubscribe";
console.log(`publisher: got a ${kind} for topic "${subscription!.subarray(1).toString()}"`);

// From now on the subscriber's filter is in place: nothing is dropped.
for (let n = 1; n <= count; n++) {
  await publisher.send(`message ${n}`);
}
console.log(`publisher: bound and published ${count} messages`);

// A real publisher would keep running; this one stays up one more second.
await new Promise((resolve) => setTimeout(resolve, 1000));
publisher.close();
