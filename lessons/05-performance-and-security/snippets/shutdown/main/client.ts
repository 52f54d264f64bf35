import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const client = new zmq.Request({ receiveTimeout: 300, linger: 0 });
client.connect("tcp://127.0.0.1:5555");

// One request every 50 ms, until the server stops answering.
let answered = 0;
for (let n = 1; ; n++) {
  await client.send(`request ${n}`);
  try {
    await client.receive();
    answered += 1;
  } catch {
    console.log(`client: ${answered} replies, then none to request ${n}: the server is gone`);
    break;
  }
  await sleep(50);
}
client.close();
