import { readFileSync } from "node:fs";
import * as zmq from "zeromq";

// Sends tasks one at a time. While the worker is busy with task 3, it asks the
// worker to stop (SIGTERM), as a deploy would, and gives it 2 s to exit.
const GRACE_MS = 2000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let pid = 0;
while (!pid) {
  try {
    pid = Number(readFileSync("/tmp/worker.pid", "utf8"));
  } catch {
    await sleep(50);
  }
}
// Not the worker's parent: it can see only whether the pid still exists.
const running = () => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const tasks = new zmq.Request({ receiveTimeout: 1500, linger: 0 });
tasks.connect("tcp://127.0.0.1:5641");
for (let n = 1; n <= 3; n++) {
  await tasks.send(`task ${n}`);
  if (n === 3) {
    await sleep(200); // the worker is in the middle of task 3
    console.log("supervisor: SIGTERM to the worker");
    process.kill(pid, "SIGTERM");
  }
  try {
    const [reply] = await tasks.receive();
    console.log(`supervisor: task ${n} answered${n === 3 ? " after SIGTERM" : ""} (${reply})`);
  } catch {
    console.log(`supervisor: task ${n} lost: no answer`);
  }
}
tasks.close();

const sent = Date.now();
while (running() && Date.now() - sent < GRACE_MS) await sleep(50);
if (running()) {
  console.log(`supervisor: the worker still runs after ${GRACE_MS} ms: SIGKILL`);
  process.kill(pid, "SIGKILL");
} else {
  console.log("supervisor: the worker ended within the grace period");
}
