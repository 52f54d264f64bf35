import * as zmq from "zeromq";

const map = new Map<string, string>();

// 1. Subscribe first, and wait until the connection is up: from now on no
//    change is lost, they queue up in the SUB socket.
const updates = new zmq.Subscriber({ linger: 0 });
const events = updates.events; // watch before connect(): the handshake can come at once
updates.connect("tcp://127.0.0.1:5561");
updates.subscribe();
for await (const event of events) if (event.type === "handshake") break;
console.log("client: subscribed");

// 2. Then ask for the snapshot: the state at seq N.
const snapshot = new zmq.Dealer({ linger: 0 });
snapshot.connect("tcp://127.0.0.1:5560");
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
console.log(`client: snapshot of ${map.size} keys at seq ${seq}`);

// Loading a snapshot takes time in a real client (it builds an index, writes
// it to disk...): here 300 ms, while the server goes on changing its map.
await new Promise((resolve) => setTimeout(resolve, 300));

// 3. Then the queued and the new changes, skipping those the snapshot already holds.
updates.receiveTimeout = 1000;
let stale = 0;
try {
  for (;;) {
    const [key, seqFrame, value] = await updates.receive();
    const n = Number(seqFrame!.toString());
    if (n <= seq) {
      stale += 1; // already in the snapshot
      continue;
    }
    if (n !== seq + 1) console.log(`client: gap! expected ${seq + 1}, got ${n}`);
    map.set(key!.toString(), value!.toString());
    seq = n;
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err; // 1 s of silence: the server is done
}
updates.close();
console.log(`client: skipped ${stale} changes older than the snapshot`);
const show = [...map.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).map((k) => `${k}=${map.get(k)}`);
console.log(`client: final map at seq ${seq} (${map.size} keys): ${show.join(" ")}`);
