import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");

let requests = 0;
let byes = 0;
for await (const [msg] of server) {
  requests++;
  await server.send("ok");
  if (msg.toString().endsWith(": bye")) {
    byes++;
    // One client is done; the others may still have requests queued.
    if (byes === 3) break;
  }
}

server.close();
console.log(`served ${requests} requests, ${byes} clients said bye`);
