import * as zmq from "zeromq";
import { readFileSync } from "node:fs";

const SOCKETS = 10;
const threads = () => Number(/Threads:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]);

const atStart = threads();
console.log(`threads at start: ${atStart} (Node's own)`);

// ✅ Every socket in the one global context: libzmq starts its threads once.
const shared = Array.from({ length: SOCKETS }, () => new zmq.Dealer());
const afterShared = threads();
console.log(`${SOCKETS} sockets, one context:        +${afterShared - atStart} threads`);

// ❌ A new context for every socket: each one starts its own I/O thread and reaper.
const separate = Array.from({ length: SOCKETS }, () => new zmq.Dealer({ context: new zmq.Context() }));
console.log(`${SOCKETS} sockets, a context each:     +${threads() - afterShared} threads`);

for (const socket of [...shared, ...separate]) socket.close();
