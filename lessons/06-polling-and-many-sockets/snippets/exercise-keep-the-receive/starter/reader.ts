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
while (received < 5) {
  const tick = timer(250);
  // TODO: after a timeout, the receive() of this turn is still in flight, and
  // the next turn calls receive() again. Keep the pending receive() and race
  // the same promise again until it settles.
  const winner = await Promise.race([reader.receive(), tick.promise]);
  tick.cancel();
  if (winner === "timeout") {
    waits++;
    console.log("reader: still waiting…");
    continue;
  }
  received++;
  console.log(`reader: ${winner[0]}`);
}
reader.close();
console.log(`reader: received ${received}/5 after ${waits} waits`);
