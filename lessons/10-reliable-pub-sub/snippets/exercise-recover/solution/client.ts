import * as zmq from "zeromq";

const UPDATES = "tcp://127.0.0.1:5561";
const map = new Map<string, string>();

// Asks the server for a snapshot, puts its keys into `into`, returns its seq.
async function takeSnapshot(into: Map<string, string>): Promise<number> {
  const snapshot = new zmq.Dealer({ linger: 0 });
  snapshot.connect("tcp://127.0.0.1:5560");
  await snapshot.send("ICANHAZ?");
  for (;;) {
    const [command, key, value] = await snapshot.receive();
    if (command!.toString() === "KTHXBAI") {
      snapshot.close();
      return Number(key!.toString());
    }
    into.set(key!.toString(), value!.toString());
  }
}

// Subscribe first, then the snapshot: the Clone client.
const updates = new zmq.Subscriber({ linger: 0, receiveTimeout: 1000 });
const events = updates.events; // watch before connect(): the handshake can come at once
updates.connect(UPDATES);
updates.subscribe();
for await (const event of events) if (event.type === "handshake") break;
let seq = await takeSnapshot(map);
console.log(`client: snapshot of ${map.size} keys at seq ${seq}`);

let applied = 0;
try {
  for (;;) {
    const [key, seqFrame, value] = await updates.receive();
    const n = Number(seqFrame!.toString());
    if (n <= seq) continue; // already in the snapshot
    if (n !== seq + 1) {
      console.log(`client: gap! expected ${seq + 1}, got ${n}`);
      // The map lacks the changes in the gap: a new snapshot holds them,
      // and change n too, so skip it.
      seq = await takeSnapshot(map);
      console.log(`client: recovered with a snapshot at seq ${seq}`);
      continue;
    }
    map.set(key!.toString(), value!.toString());
    seq = n;
    applied += 1;
    if (applied === 3) {
      // A network blip: the connection is gone for 400 ms.
      console.log("client: connection lost for 400 ms");
      updates.disconnect(UPDATES);
      await new Promise((resolve) => setTimeout(resolve, 400));
      updates.connect(UPDATES);
    }
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err; // 1 s of silence: the server is done
}
updates.close();
const show = [...map.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).map((k) => `${k}=${map.get(k)}`);
console.log(`client: final map at seq ${seq} (${map.size} keys): ${show.join(" ")}`);
