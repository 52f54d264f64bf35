import { Worker } from "./mdp";

// A worker for the service "upper": it shouts the request back.
const worker = new Worker("upper");
await worker.serve((body) => body.map((text) => text.toUpperCase()));
console.log(`upper worker: ${worker.served} served, broker said DISCONNECT`);
