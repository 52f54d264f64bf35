import * as zmq from "zeromq";

// Freelance model 2, brute force: send every request to every server at once
// and take the first reply. A DEALER connected to all of them sends each copy
// to the next server in turn.
const SERVERS = ["tcp://127.0.0.1:5555", "tcp://127.0.0.1:5556", "tcp://127.0.0.1:5557"];
const REQUESTS = 8;
const TIMEOUT_MS = 1000;

const client = new zmq.Dealer({ receiveTimeout: TIMEOUT_MS, linger: 0 });
for (const address of SERVERS) client.connect(address);
await new Promise((resolve) => setTimeout(resolve, 300)); // let the connections come up

let matched = 0;
let dropped = 0;
for (let sequence = 1; sequence <= REQUESTS; sequence++) {
  // A REP server expects the empty delimiter frame a REQ would add.
  for (const _ of SERVERS) await client.send(["", String(sequence), `request ${sequence}`]);
  for (;;) {
    const [, replySequence, reply] = await client.receive();
    // The other servers' replies to earlier requests arrive too: drop them.
    if (Number(`${replySequence}`) !== sequence) {
      dropped++;
      continue;
    }
    console.log(`request ${sequence}: got "${reply}"`);
    matched++;
    break;
  }
}

// Not part of the pattern: tell every server to stop, so the run ends.
for (const address of SERVERS) {
  const bye = new zmq.Request({ receiveTimeout: TIMEOUT_MS, linger: 0 });
  bye.connect(address);
  await bye.send(["0", "bye"]);
  await bye.receive().catch(() => {});
  bye.close();
}
client.close();
console.log(`${matched}/${REQUESTS} replies matched their request (${dropped} late replies dropped)`);
