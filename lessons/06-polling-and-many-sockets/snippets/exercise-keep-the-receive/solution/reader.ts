import * as zmq from "zeromq";

const reader = new zmq.Pull();
await reader.bind("tcp://127.0.0.1:5557");

// Resolves with "timeout" after `ms`, unless cancelled.
function timer(ms: number) {
  let handle: NodeJS.Timeout | undefined;
  const promise = new Promise<"timeout">((resolve) => (handle = setTimeout(() => resolve("timeout"), ms)));
  return { promise, cancel: () => clearTimeout(handle) };
}

let received = 0;
let waits = 0;
let pending: Promise<Buffer[]> | undefined; // the receive() in flight, if any
while (received < 5) {
  const tick = timer(250);
  pending ??= reader.receive(); // a new receive() only when the last one has settled
  const winner = await Promise.race([pending, tick.promise]);
  tick.cancel();
  if (winner === "timeout") {
    waits++;
    console.log("reader: still waiting…");
    continue; // `pending` stays: the next turn awaits the same receive()
  }
  pending = undefined;
  received++;
  console.log(`reader: ${winner[0]}`);
}
reader.close();
console.log(`reader: received ${received}/5 after ${waits} waits`);
