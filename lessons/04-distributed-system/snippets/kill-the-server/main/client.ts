import * as zmq from "zeromq";

const TIMEOUT_MS = 1000; // how long to wait for a reply
const RETRIES = 5; // how many times to resend before giving up
const RUN_FOR_MS = 15_000; // ask for this long, one request every 400 ms, then say bye

// A fresh REQ socket: receive() rejects after TIMEOUT_MS, close() drops
// whatever is still queued (linger 0).
function connect() {
  const socket = new zmq.Request({ receiveTimeout: TIMEOUT_MS, linger: 0 });
  socket.connect("tcp://127.0.0.1:5555");
  return socket;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const end = Date.now() + RUN_FOR_MS;
let client = connect();
let replies = 0;
let retries = 0;
for (let n = 1; ; n++) {
  const last = Date.now() >= end;
  const request = last ? "bye" : `request ${n}`;
  for (let attempt = 0; ; attempt++) {
    await client.send(request);
    try {
      const [reply] = await client.receive();
      console.log(`${reply}`);
      replies++;
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== "EAGAIN") throw err;
      // No reply in time: this REQ socket still waits for the lost reply, so
      // throw it away and resend on a new one.
      client.close();
      if (attempt === RETRIES) {
        console.log(`no reply after ${RETRIES} retries: the server seems to be gone, giving up`);
        process.exit(1);
      }
      retries++;
      console.log(`no reply within ${TIMEOUT_MS} ms, retry ${attempt + 1}/${RETRIES}`);
      client = connect();
    }
  }
  if (last) break;
  await sleep(400);
}
client.close();
console.log(`${replies} replies, ${retries} retries`);
