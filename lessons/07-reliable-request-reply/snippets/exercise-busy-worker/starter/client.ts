import * as zmq from "zeromq";

const REQUESTS = 1;
const TIMEOUT_MS = 2800; // a job takes 2 s: wait longer than that
const RETRIES = 1; // how many times to resend before giving up

// The Lazy Pirate client: a new REQ socket for every retry.
function connect() {
  const socket = new zmq.Request({ receiveTimeout: TIMEOUT_MS, linger: 0 });
  socket.connect("tcp://127.0.0.1:5555");
  return socket;
}

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
        console.log(`client: no reply to ${request} after ${RETRIES} retry, giving up`);
        process.exit(1);
      }
      retries++;
      console.log(`client: no reply to ${request} within ${TIMEOUT_MS} ms, retry ${attempt + 1}/${RETRIES}`);
      client = connect();
    }
  }
}

for (let n = 1; n <= REQUESTS; n++) console.log(`client: ${await ask(`request ${n}`)}`);
await ask("BYE");
client.close();
console.log(`client: ${REQUESTS}/${REQUESTS} replies, retries: ${retries}`);
