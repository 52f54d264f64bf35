import { readdirSync } from "node:fs";
import * as zmq from "zeromq";

const openFiles = () => readdirSync("/proc/self/fd").length;

// A small REP server that answers everything (in this process, for the demo).
const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");
void (async () => {
  for await (const [question] of server) await server.send(`answer to ${question!.toString()}`);
})();

// Every client ever made stays referenced, as in a cache or a list of handlers
// that nobody cleans up. (A socket nothing references is closed by the garbage
// collector, but only whenever it happens to run: never count on that.)
const clients: zmq.Request[] = [];

/** Asks one question with a fresh REQ socket... and never closes it. */
async function ask(question: string) {
  const client = new zmq.Request({ receiveTimeout: 1000 });
  clients.push(client);
  client.connect("tcp://127.0.0.1:5555");
  await client.send(question);
  const [answer] = await client.receive();
  return answer!.toString();
}

const before = openFiles();
for (let n = 1; n <= 50; n++) await ask(`question ${n}`);
console.log(`open file descriptors: ${before} before, ${openFiles()} after 50 questions`);

server.close();
