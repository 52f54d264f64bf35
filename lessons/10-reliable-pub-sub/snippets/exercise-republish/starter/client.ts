import * as zmq from "zeromq";

// Started as client-a, client-b and client-c: each one changes its own keys
// (a1, a2… for client-a) and ends with the map everyone shares.
const [name = "client", countArg = "3"] = process.argv.slice(2);
const COUNT = Number(countArg);
const prefix = name.slice(-1);
const map = new Map<string, string>();

// 1. Subscribe, and wait until the connection is up.
const updates = new zmq.Subscriber({ linger: 0 });
const events = updates.events; // watch before connect(): the handshake can come at once
updates.connect("tcp://127.0.0.1:5571");
updates.subscribe();
for await (const event of events) if (event.type === "handshake") break;

// 2. The snapshot.
const snapshot = new zmq.Dealer({ linger: 0 });
snapshot.connect("tcp://127.0.0.1:5570");
await snapshot.send("ICANHAZ?");
let seq = 0;
for (;;) {
  const [command, key, value] = await snapshot.receive();
  if (command!.toString() === "KTHXBAI") {
    seq = Number(key!.toString());
    break;
  }
  map.set(key!.toString(), value!.toString());
}
snapshot.close();
console.log(`${name}: snapshot of ${map.size} keys at seq ${seq}`);

// 3. Our own changes go to the server, not into our map: they come back
//    numbered, in the same order for every client.
const changes = new zmq.Push({ linger: 0 });
changes.connect("tcp://127.0.0.1:5572");
async function sendChanges() {
  for (let i = 1; i <= COUNT; i++) {
    await changes.send([`${prefix}${i}`, String(i)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log(`${name}: sent ${COUNT} changes`);
}
const sending = sendChanges();

// 4. Apply the numbered changes, skipping those the snapshot holds.
updates.receiveTimeout = 1500;
try {
  for (;;) {
    const [key, seqFrame, value] = await updates.receive();
    const n = Number(seqFrame!.toString());
    if (n <= seq) continue;
    if (n !== seq + 1) console.log(`${name}: gap! expected ${seq + 1}, got ${n}`);
    map.set(key!.toString(), value!.toString());
    seq = n;
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err; // 1.5 s of silence: everyone is done
}
await sending;
updates.close();
changes.close();
const show = [...map.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true })).map((k) => `${k}=${map.get(k)}`);
console.log(`${name}: final map at seq ${seq} (${map.size} keys): ${show.join(" ") || "empty"}`);
