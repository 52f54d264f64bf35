import { runServer } from "./server";

// The primary keeps serving clients, but after 2 requests the link between the
// two servers breaks for 2 s: no heartbeats get through, either way.
await runServer("primary", { cutLinkAfter: 2, cutForMs: 2000 });
