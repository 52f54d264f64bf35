import { readFileSync } from "node:fs";

// What systemd, Docker or Kubernetes do to stop a service: SIGTERM, then a
// grace period, then SIGKILL. (docker stop waits 10 s, Kubernetes 30 s; here 2 s.)
const STOP_AT_MS = 1500;
const GRACE_MS = 2000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The worker writes its pid to a file, as daemons do. The processes of a run
// share /tmp and can signal each other.
let pid = 0;
while (!pid) {
  try {
    pid = Number(readFileSync("/tmp/worker.pid", "utf8"));
  } catch {
    await sleep(50);
  }
}
console.log(`supervisor: the worker is pid ${pid}`);
await sleep(STOP_AT_MS);

console.log(`supervisor: SIGTERM to the worker, it has ${GRACE_MS} ms to exit`);
process.kill(pid, "SIGTERM");
const running = () => {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch {
    return false;
  }
};
const sent = Date.now();
while (running() && Date.now() - sent < GRACE_MS) await sleep(50);
if (running()) {
  console.log(`supervisor: the worker still runs after ${GRACE_MS} ms: SIGKILL`);
  process.kill(pid, "SIGKILL");
} else {
  console.log(`supervisor: the worker ended within the grace period`);
}
