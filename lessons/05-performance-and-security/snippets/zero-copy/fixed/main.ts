import * as zmq from "zeromq";

// A fresh buffer for every message: once sent, a buffer belongs to ZeroMQ.
async function sendFive(size: number, address: string) {
  const push = new zmq.Push();
  await push.bind(address);
  const pull = new zmq.Pull();
  pull.connect(address);

  for (let n = 1; n <= 5; n++) {
    const message = Buffer.alloc(size); // ✅ a new buffer each time
    message.write(`record ${n}`);
    await push.send(message); // never touch it again after this line
  }

  const received: string[] = [];
  for (let n = 1; n <= 5; n++) {
    const [msg] = await pull.receive();
    received.push(msg.toString("utf8", 0, msg.indexOf(0)));
  }
  console.log(`${String(size).padStart(5)}-byte messages: ${received.join(", ")}`);
  push.close();
  pull.close();
}

await sendFive(100, "inproc://small"); // up to 128 bytes: zeromq.js copies at send()
await sendFive(1000, "inproc://large"); // above 128 bytes: zero-copy, the queue holds OUR buffer
