import * as zmq from "zeromq";

// A Lazy Pirate client with two addresses: on a timeout it throws its REQ
// socket away, waits for the servers to settle, and asks the other server.
const SERVERS = ["tcp://127.0.0.1:5001", "tcp://127.0.0.1:5002"]; // primary, backup
const REQUESTS = 6;
const TIMEOUT_MS = 800; // no reply in this time: try the other server
const SETTLE_MS = 700; // give the backup time to see the primary's silence
const TRIES = 3; // per request, before giving up

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
function connect(address: string) {
  const socket = new zmq.Request({ receiveTimeout: TIMEOUT_MS, linger: 0 });
  socket.connect(address);
  return socket;
}

// Not part of Binary Star: tell both servers to stop, so the run ends.
async function sayBye() {
  await Promise.all(
    SERVERS.map(async (address) => {
      const bye = connect(address);
      await bye.send("bye");
      await bye.receive().catch(() => {});
      bye.close();
    }),
  );
}

let current = 0;
let socket = connect(SERVERS[current]);
let replies = 0;
let failovers = 0;
for (let n = 1; n <= REQUESTS; n++) {
  for (let attempt = 1; ; attempt++) {
    await socket.send(`request ${n}`);
    try {
      const [reply] = await socket.receive();
      console.log(`${reply}`);
      replies++;
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== "EAGAIN") throw err;
      socket.close();
      if (attempt === TRIES) {
        console.log(`request ${n}: no server answers, giving up`);
        await sayBye();
        process.exit(1);
      }
      current = (current + 1) % SERVERS.length;
      failovers++;
      console.log(`request ${n}: no reply in ${TIMEOUT_MS} ms, failing over to ${SERVERS[current]}`);
      await sleep(SETTLE_MS);
      socket = connect(SERVERS[current]);
    }
  }
  await sleep(200);
}
socket.close();
await sayBye();
console.log(`${replies}/${REQUESTS} replies, ${failovers} failover(s)`);
