import * as zmq from "zeromq";

const count = 100_000;
const size = 100;

const receiver = new zmq.Pull({ linger: 0 });
await receiver.bind("tcp://127.0.0.1:5555");
const sender = new zmq.Push({ linger: 0 });
sender.connect("tcp://127.0.0.1:5555");

// Send and receive at the same time: two async loops on one event loop.
const message = Buffer.alloc(size, "x");
const started = process.hrtime.bigint();

const sending = (async () => {
  for (let i = 0; i < count; i++) await sender.send(message);
})();
const receiving = (async () => {
  for (let i = 0; i < count; i++) await receiver.receive();
})();
await Promise.all([sending, receiving]);

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const perSecond = count / seconds;
console.log(`${count} messages of ${size} bytes in ${(seconds * 1000).toFixed(0)} ms`);
console.log(`throughput: ${Math.round(perSecond)} msg/s, ${((perSecond * size * 8) / 1e6).toFixed(1)} Mbit/s of payload`);

sender.close();
receiver.close();
