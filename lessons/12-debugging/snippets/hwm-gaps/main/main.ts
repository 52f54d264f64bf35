import * as zmq from "zeromq";

// Number your messages and look for gaps: the simplest way to see loss.
const total = 10_000;

/** Sends `total` numbered messages through a sender/receiver pair with tiny HWMs. */
async function run(title: string, sender: zmq.Publisher | zmq.Push, receiver: zmq.Subscriber | zmq.Pull) {
  await sender.bind(`inproc://${title}`);
  receiver.connect(`inproc://${title}`);
  if (receiver instanceof zmq.Subscriber) {
    receiver.subscribe();
    await new Promise((resolve) => setTimeout(resolve, 100)); // no slow joiner here
  }

  // The receiver records the sequence numbers it sees, until 300 ms of silence.
  const seen: number[] = [];
  const receiving = (async () => {
    try {
      for (;;) {
        const [frame] = await receiver.receive();
        seen.push(frame!.readUInt32BE(0));
      }
    } catch (err) {
      if ((err as { code?: string }).code !== "EAGAIN") throw err;
    }
  })();

  for (let n = 1; n <= total; n++) {
    const frame = Buffer.alloc(4);
    frame.writeUInt32BE(n);
    await sender.send(frame);
  }
  await receiving;

  // Where are the holes?
  const gaps: string[] = [];
  let next = 1;
  for (const n of [...seen, total + 1]) {
    if (n !== next) gaps.push(`${next}–${n - 1}`);
    next = n + 1;
  }
  console.log(`${title}: received ${seen.length}/${total}, ${gaps.length} gap(s)${gaps.length ? `, first ${gaps.slice(0, 3).join(", ")}` : ""}`);
  sender.close();
  receiver.close();
}

const hwm = { sendHighWaterMark: 10, linger: 0 };
const rcv = { receiveHighWaterMark: 10, receiveTimeout: 300, linger: 0 };
await run("PUB/SUB", new zmq.Publisher(hwm), new zmq.Subscriber(rcv));
await run("PUSH/PULL", new zmq.Push(hwm), new zmq.Pull(rcv));
