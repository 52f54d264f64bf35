import { runWorker } from "./worker";

// worker-a crashes when it receives its 3rd task. Try 1, 5 or Infinity.
const CRASH_AFTER = 3;

await runWorker("worker-a", CRASH_AFTER);
