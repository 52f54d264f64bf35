import * as zmq from "zeromq";

// Freelance model 1: a list of servers. On a timeout, close the REQ socket
// and move on to the next server in the list.
const SERVERS = ["tcp://127.0.0.1:5555", "tcp://127.0.0.1:5556"];
const REQUESTS = 6;
const TIMEOUT_MS = 500;
const TRIES = 4; // per request, over the whole list

function connect(address: string) {
  const socket = new zmq.Request({ receiveTimeout: TIMEOUT_MS, linger: 0 });
  socket.connect(address);
  return socket;
}

// Not part of the pattern: tell every server to stop, so the run ends.
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
      current = (current + 1) % SERVERS.length; // ✅ the next server in the list
      console.log(`request ${n}: no reply from ${SERVERS[(current + SERVERS.length - 1) % SERVERS.length]} in ${TIMEOUT_MS} ms, trying ${SERVERS[current]}`);
      socket = connect(SERVERS[current]);
    }
  }
}
socket.close();
await sayBye();
console.log(`${replies}/${REQUESTS} replies`);
