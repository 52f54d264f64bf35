import { Worker } from "./mdp";

// A worker for the service "echo": it answers each request with its own frames.
const worker = new Worker("echo");
await worker.serve((body) => {
  console.log(`echo worker: working on ${JSON.stringify(body[0])}`);
  return body;
});
console.log(`echo worker: ${worker.served} served, broker said DISCONNECT`);
