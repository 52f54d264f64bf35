import { relay } from "./relay";

// Clients connect on 5555; the broker passes requests on to the server on 5556.
await relay("broker", "tcp://127.0.0.1:5555", "tcp://127.0.0.1:5556");
