import { runWorker } from "./worker";

// worker-2 hangs after its 2nd reply, while it waits for work.
const HANG_AFTER = 2;

await runWorker("worker-2", HANG_AFTER);
