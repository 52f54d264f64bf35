import * as zmq from "zeromq";

const RUN_FOR_MS = 6000; // ask for this long, one request every 250 ms, then BYE
const TIMEOUT_MS = 1000; // how long to wait for a reply
const RETRIES = 3; // how many times to resend before giving up

// The Lazy Pirate client: a new REQ socket for every retry.
function connect() {
  const socket = new zmq.Request({ receiveTimeout: TIMEOUT_MS, linger: 0 });
  socket.connect("tcp://127.0.0.1:5555");
  return socket;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let client = connect();
let retries = 0;
async function ask(request: string) {
  for (let attempt = 0; ; attempt++) {
    await client.send(request);
    try {
      const [reply] = await client.receive();
      return `${reply}`;
    } catch (err) {
      if ((err as { code?: string }).code !== "EAGAIN") throw err;
      client.close();
      if (attempt === RETRIES) {
        console.log(`client: no reply to ${request} after ${RETRIES} retries, giving up`);
        process.exit(1);
      }
      retries++;
      console.log(`client: no reply to ${request} within ${TIMEOUT_MS} ms, retry ${attempt + 1}/${RETRIES}`);
      client = connect();
    }
  }
}

const end = Date.now() + RUN_FOR_MS;
let replies = 0;
for (let n = 1; Date.now() < end; n++) {
  console.log(`client: ${await ask(`request ${n}`)}`);
  replies++;
  await sleep(250);
}
await ask("BYE");
client.close();
console.log(`client: ${replies} replies, retries: ${retries}`);
