import * as zmq from "zeromq";

const map = new Map<string, string>();

// 1. Ask for the snapshot first: the state at seq N.
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

// 2. Then subscribe to the changes. Whatever the server published since the
//    snapshot went to nobody.
const updates = new zmq.Subscriber({ linger: 0, receiveTimeout: 1000 });
updates.connect("tcp://127.0.0.1:5561");
updates.subscribe();
console.log("client: subscribed");

// 3. Apply every change that arrives.
try {
  for (;;) {
    const [key, seqFrame, value] = await updates.receive();
    map.set(key!.toString(), value!.toString());
    seq = Number(seqFrame!.toString());
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err; // 1 s of silence: the server is done
}
updates.close();
const show = [...map.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).map((k) => `${k}=${map.get(k)}`);
console.log(`client: final map at seq ${seq} (${map.size} keys): ${show.join(" ")}`);
