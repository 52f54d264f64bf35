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
    // TODO: three clients share this server. Stop only when all of them are done.
    break;
  }
}

server.close();
console.log(`served ${requests} requests, ${byes} clients said bye`);
