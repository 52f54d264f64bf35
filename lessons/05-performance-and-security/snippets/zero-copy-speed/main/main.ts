import * as zmq from "zeromq";

const SIZE = 1024 * 1024; // 1 MiB per message
const COUNT = 500;

const data = Buffer.alloc(SIZE, "z");

async function measure(label: string, address: string, makeMessage: () => Buffer) {
  const push = new zmq.Push({ sendHighWaterMark: 8 });
  await push.bind(address);
  const pull = new zmq.Pull({ receiveHighWaterMark: 8 });
  pull.connect(address);

  const started = process.hrtime.bigint();
  const sending = (async () => {
    for (let i = 0; i < COUNT; i++) {
      // Let the event loop turn now and then: zeromq.js releases sent Buffers
      // from it, and over inproc this loop could otherwise run without a pause.
      if (i % 16 === 0) await new Promise(setImmediate);
      await push.send(makeMessage());
    }
  })();
  for (let i = 0; i < COUNT; i++) await pull.receive();
  await sending;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  console.log(`${label.padEnd(44)} ${Math.round((COUNT * SIZE) / seconds / 1024 / 1024).toLocaleString("en-US").padStart(6)} MB/s`);
  push.close();
  pull.close();
}

// zeromq.js hands a Buffer over 128 bytes to libzmq without copying it.
// To see what a copy costs, make one ourselves before each send.
await measure("inproc, zero-copy (the Buffer as it is)", "inproc://a", () => data);
await measure("inproc, one copy per message", "inproc://b", () => Buffer.from(data));
await measure("tcp,    zero-copy (the Buffer as it is)", "tcp://127.0.0.1:5555", () => data);
await measure("tcp,    one copy per message", "tcp://127.0.0.1:5556", () => Buffer.from(data));
