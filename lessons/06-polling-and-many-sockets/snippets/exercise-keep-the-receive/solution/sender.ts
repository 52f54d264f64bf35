import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Five messages, 400 ms apart: slower than the reader's 250 ms timer.
const sender = new zmq.Push({ linger: 1000 });
sender.connect("tcp://127.0.0.1:5557");
for (let n = 1; n <= 5; n++) {
  await sleep(400);
  await sender.send(`message ${n}`);
}
console.log("sender: sent 5 messages");
sender.close();
