import * as zmq from "zeromq";

const TIMEOUT_MS = 500; // how long to wait for a reply
const RETRIES = 3; // how many times to resend before giving up

// A fresh REQ socket starts in the "may send" state. linger 0: close()
// drops the unanswered request instead of keeping the process alive.
function connect() {
  const socket = new zmq.Request({ receiveTimeout: TIMEOUT_MS, sendTimeout: 0, linger: 0 });
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
      client.close(); // stuck for good: throw it away
      if (attempt === RETRIES) {
        console.log(`no reply to ${request} after ${RETRIES} retries: the server seems to be gone, giving up`);
        process.exit(1);
      }
      retries++;
      console.log(`no reply to ${request} within ${TIMEOUT_MS} ms (EAGAIN), retry ${attempt + 1}/${RETRIES} on a new socket`);
      client = connect();
    }
  }
}

for (let n = 1; n <= 5; n++) console.log(await ask(`request ${n}`));
await ask("bye");
client.close();
console.log(`5/5 replies, ${retries} ${retries === 1 ? "retry" : "retries"}`);
