import { runWorker } from "./worker";

// worker-2 crashes when it gets its 3rd request. Try 1, or Infinity.
const CRASH_ON = 3;

await runWorker("worker-2", CRASH_ON);
