import * as zmq from "zeromq";

// The Clone server, with changes coming from the clients: it numbers each
// change, applies it to its map and republishes it to everyone.
const snapshots = new zmq.Router({ linger: 0 }); // ICANHAZ? → KVSYNC… → KTHXBAI
const updates = new zmq.Publisher({ linger: 0 }); // [key, seq, value] to every client
const collector = new zmq.Pull({ linger: 0 }); // [key, value] from any client
await snapshots.bind("tcp://127.0.0.1:5570");
await updates.bind("tcp://127.0.0.1:5571");
await collector.bind("tcp://127.0.0.1:5572");
console.log("server: snapshots on :5570, updates on :5571, changes on :5572");

const map = new Map<string, string>();
let seq = 0;

async function serveSnapshots() {
  for await (const [client, request] of snapshots) {
    if (request!.toString() !== "ICANHAZ?") continue;
    for (const [key, value] of map) await snapshots.send([client!, "KVSYNC", key, value]);
    await snapshots.send([client!, "KTHXBAI", String(seq)]);
    console.log(`server: snapshot of ${map.size} keys at seq ${seq}`);
  }
}
serveSnapshots().catch(() => {});

try {
  for (;;) {
    const [key, value] = await collector.receive();
    seq += 1;
    map.set(key!.toString(), value!.toString());
    await updates.send([key!, String(seq), value!]);
    collector.receiveTimeout = 2000; // after the first change, 2 s of silence ends the demo
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
}
const show = [...map.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true })).map((k) => `${k}=${map.get(k)}`);
console.log(`server: final map at seq ${seq} (${map.size} keys): ${show.join(" ")}`);
snapshots.close();
updates.close();
collector.close();
