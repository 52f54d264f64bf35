import { relay } from "./relay";

// Clients connect to the edge on 5555; the edge connects on to the core.
await relay("edge", "tcp://127.0.0.1:5555", "tcp://127.0.0.1:5556");
