import { runWorker } from "./worker";

await runWorker("worker-2");
