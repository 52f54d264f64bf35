import { runServer } from "./server";

// The primary answers 4 requests, then crashes; 2.5 s later it starts again.
await runServer("primary", { crashAfter: 4, restartAfterMs: 2500 });
