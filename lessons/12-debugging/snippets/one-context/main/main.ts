import { readFileSync } from "node:fs";
import * as zmq from "zeromq";

/** Threads of this process, as Linux counts them. */
const threads = () => Number(/^Threads:\s+(\d+)/m.exec(readFileSync("/proc/self/status", "utf8"))![1]);

const start = threads();
console.log(`node alone: ${start} threads`);

// Five sockets on the global context: its threads start with the first socket.
const shared = Array.from({ length: 5 }, () => new zmq.Request());
const afterShared = threads();
console.log(`5 sockets on zmq.context: +${afterShared - start} threads`);

// Five sockets, each with a context of its own.
const separate = Array.from({ length: 5 }, () => new zmq.Request({ context: new zmq.Context() }));
const afterSeparate = threads();
console.log(`5 sockets with 5 new contexts: +${afterSeparate - afterShared} threads`);

// And inproc names do not cross contexts (part 1 showed it between processes).
const server = new zmq.Reply({ context: new zmq.Context(), linger: 0 });
await server.bind("inproc://service");
const client = new zmq.Request({ receiveTimeout: 500, linger: 0 }); // the global context
client.connect("inproc://service");
await client.send("ping");
try {
  await client.receive();
  console.log("inproc across contexts: reply received");
} catch (err) {
  console.log(`inproc across contexts: no reply (${(err as { code?: string }).code})`);
}

for (const socket of [...shared, ...separate, server, client]) socket.close();
