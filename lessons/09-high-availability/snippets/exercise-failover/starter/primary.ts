import { runServer } from "./server";

// The primary answers 3 requests, then crashes for good.
await runServer("primary", { crashAfter: 3 });
