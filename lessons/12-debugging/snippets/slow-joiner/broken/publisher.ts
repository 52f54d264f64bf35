import * as zmq from "zeromq";

const count = 10;

const publisher = new zmq.Publisher();
// bindSync() is the synchronous form of bind(): the port is open when it
// returns, and the messages below go out in the very same moment.
publisher.bindSync("tcp://127.0.0.1:5555");

// Publish at once. A PUB socket never waits: a message for which no
// subscription has arrived yet is dropped, silently.
for (let n = 1; n <= count; n++) {
  await publisher.send(`message ${n}`);
}
console.log(`publisher: bound and published ${count} messages`);

// A real publisher would keep running; this one stays up one more second.
await new Promise((resolve) => setTimeout(resolve, 1000));
publisher.close();
