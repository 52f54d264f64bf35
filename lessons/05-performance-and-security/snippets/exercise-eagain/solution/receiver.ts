import * as zmq from "zeromq";

const TOTAL = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A slow receiver with a small queue, bound at a well-known address.
const pull = new zmq.Pull({ receiveHighWaterMark: 10, receiveTimeout: 1000 });
await pull.bind("tcp://127.0.0.1:5555");

let received = 0;
try {
  while (received < TOTAL) {
    await pull.receive();
    received += 1;
    if (received % 10 === 0) await sleep(1); // about 10 000 messages a second at best
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err; // 1 s of silence: the sender is gone
}

pull.close();
console.log(`received ${received}/${TOTAL}`);
