import { runServer } from "./server";

// No fault of its own this time: press Kill primary, then Restart primary.
await runServer("primary");
