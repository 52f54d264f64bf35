import * as zmq from "zeromq";
import { setTimeout as sleep } from "node:timers/promises";

// One REP socket serves every client that connects to it.
const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");
console.log("server ready on tcp://127.0.0.1:5555");

const clients = new Set<string>();
for (let n = 1; n <= 9; n++) {
  // Requests from all clients arrive through this one receive(),
  // taken from the clients' queues in turn (fair queuing).
  const [from, question] = await server.receive();
  clients.add(from.toString());
  console.log(`request ${n} from ${from}: ${question}`);

  await sleep(100); // pretend to work; meanwhile the other clients' requests queue up
  await server.send(`answer to ${question}`);
}

server.close();
console.log(`served 9 requests from ${clients.size} clients`);
