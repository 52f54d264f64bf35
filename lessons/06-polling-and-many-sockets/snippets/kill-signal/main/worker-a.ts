import { runWorker } from "./worker";

await runWorker("worker-a");
