import { relay } from "./relay";

// Edges connect to the core on 5556; the core connects on to the server.
await relay("core", "tcp://127.0.0.1:5556", "tcp://127.0.0.1:5557");
