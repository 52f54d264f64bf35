import * as zmq from "zeromq";

const COUNT = 200_000; // records to move
const SIZE = 10; // bytes per record
const BATCH = 100; // records per batch

const record = Buffer.alloc(SIZE, "x");

async function measure(name: string, port: number, send: (push: zmq.Push) => Promise<void>, receive: (pull: zmq.Pull) => Promise<number>) {
  const push = new zmq.Push();
  await push.bind(`tcp://127.0.0.1:${port}`);
  const pull = new zmq.Pull();
  pull.connect(`tcp://127.0.0.1:${port}`);

  const started = process.hrtime.bigint();
  const [, records] = await Promise.all([send(push), receive(pull)]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const rate = Math.round(records / seconds).toLocaleString("en-US");
  console.log(`${name.padEnd(34)} ${rate.padStart(10)} records/s  (${records} records in ${Math.round(seconds * 1000)} ms)`);
  push.close();
  pull.close();
}

// 1. One message per record: one send() and one await per record.
await measure(
  "one message per record",
  5555,
  async (push) => {
    for (let i = 0; i < COUNT; i++) await push.send(record);
  },
  async (pull) => {
    let records = 0;
    while (records < COUNT) {
      await pull.receive();
      records += 1;
    }
    return records;
  },
);

// 2. A multipart message per batch: BATCH frames, one send() for all of them.
await measure(
  `multipart, ${BATCH} frames per message`,
  5556,
  async (push) => {
    const frames = new Array<Buffer>(BATCH).fill(record);
    for (let i = 0; i < COUNT; i += BATCH) await push.send(frames);
  },
  async (pull) => {
    let records = 0;
    while (records < COUNT) {
      const frames = await pull.receive(); // always the whole batch, never part of it
      records += frames.length;
    }
    return records;
  },
);

// 3. Packed: BATCH records in one frame; the receiver cuts it up again.
await measure(
  `packed, ${BATCH} records per frame`,
  5557,
  async (push) => {
    const packed = Buffer.concat(new Array<Buffer>(BATCH).fill(record));
    for (let i = 0; i < COUNT; i += BATCH) await push.send(packed);
  },
  async (pull) => {
    let records = 0;
    while (records < COUNT) {
      const [packed] = await pull.receive();
      for (let offset = 0; offset < packed.length; offset += SIZE) {
        const one = packed.subarray(offset, offset + SIZE); // a view into the frame, not a copy
        if (one.length === SIZE) records += 1;
      }
    }
    return records;
  },
);
