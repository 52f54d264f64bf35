import { runWorker } from "./worker";

// This worker leaves after three tasks.
await runWorker("worker-b", 3);
