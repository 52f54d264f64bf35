import * as zmq from "zeromq";

// Two processes run this file: "server", which leaves abruptly after 1.2 s,
// and "server-again", started later on the same address, which stays.
const NAME = process.env.RUNNER_PROCESS_NAME ?? "server";
const LEAVE_AFTER_MS = NAME === "server" ? 1200 : Infinity;

const server = new zmq.Router({ linger: 0 });
void (async () => {
  for await (const event of server.events) console.log(`${NAME}: ${event.type}`);
})();
await server.bind("tcp://127.0.0.1:5601");

if (LEAVE_AFTER_MS !== Infinity) {
  setTimeout(() => {
    console.log(`${NAME}: leaving without closing anything, as a crash would`);
    process.exit(0);
  }, LEAVE_AFTER_MS);
}

for await (const [peer, message] of server) {
  if (`${message}` === "bye") break;
  await server.send([peer, "pong"]);
}
server.close();
console.log(`${NAME}: closed`);
