import * as zmq from "zeromq";

const TOTAL = 10_000; // what the sender sends
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The same small queue and the same slow work: only the socket types changed.
const pull = new zmq.Pull({ receiveHighWaterMark: 10, receiveTimeout: 1000 });
pull.connect("tcp://127.0.0.1:5555");

let received = 0;
try {
  for (;;) {
    const [tick] = await pull.receive(); // the first frame
    received += 1;
    if (tick.toString() === `tick ${TOTAL}`) break; // the last one: nothing comes after it
    if (received % 10 === 0) await sleep(1); // slow work: about 10 000 messages a second at best
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err; // 1 s of silence: the stream is over
}

pull.close();
console.log(`received ${received}/${TOTAL}`);
