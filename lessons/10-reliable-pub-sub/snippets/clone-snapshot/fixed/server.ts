import * as zmq from "zeromq";

const UPDATES = 16; // how many changes the server makes
const EVERY_MS = 120; // one change every 120 ms

// The Clone server: it owns a key-value map. A ROUTER answers snapshot
// requests, a PUB sends every change, numbered.
const snapshots = new zmq.Router({ linger: 0 });
const updates = new zmq.Publisher({ linger: 0 });
await snapshots.bind("tcp://127.0.0.1:5560");
await updates.bind("tcp://127.0.0.1:5561");

const map = new Map<string, string>();
let seq = 0; // the number of the last change
let clientJoined = () => {};
const joined = new Promise<void>((resolve) => (clientJoined = resolve));

// Snapshot requests: ICANHAZ? → one KVSYNC per key → KTHXBAI with the sequence number.
async function serveSnapshots() {
  for await (const [client, request] of snapshots) {
    if (request!.toString() !== "ICANHAZ?") continue;
    for (const [key, value] of map) await snapshots.send([client!, "KVSYNC", key, value]);
    await snapshots.send([client!, "KTHXBAI", String(seq)]);
    console.log(`server: sent a snapshot of ${map.size} keys at seq ${seq}`);
    clientJoined();
  }
}
serveSnapshots().catch(() => {});

// The changes: apply each to the map, then publish it as [key, seq, value].
for (let n = 1; n <= UPDATES; n++) {
  seq = n;
  map.set(`k${n}`, String(n));
  await updates.send([`k${n}`, String(seq), String(n)]);
  console.log(`server: k${n} = ${n}, published as seq ${seq}`);
  await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
  // A demo detail: if the client is late (a busy machine), wait for its first
  // snapshot here, so that it always joins in the middle of the changes.
  if (n === 5) await joined;
}
await new Promise((resolve) => setTimeout(resolve, 1500)); // still answers snapshots
const show = [...map.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).map((k) => `${k}=${map.get(k)}`);
console.log(`server: final map at seq ${seq} (${map.size} keys): ${show.join(" ")}`);
snapshots.close();
updates.close();
