import * as zmq from "zeromq";

const ENDPOINT = "tcp://127.0.0.1:5601";
const RUN_FOR_MS = 6000; // make it 50_000 to have time to press Kill and Restart

const started = Date.now();
const log = (line: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1)}s ${line}`);

// reconnectInterval: while nobody listens, try again every 250 ms (default 100).
const client = new zmq.Dealer({ linger: 0, reconnectInterval: 250 });

// The monitor: every connection event of this socket, as it happens.
let handshakes = 0;
let disconnects = 0;
let retries = 0;
const monitor = (async () => {
  for await (const event of client.events) {
    switch (event.type) {
      case "connect:retry":
        retries++;
        log(`connect:retry  nobody listens, next try in ${event.interval} ms`);
        break;
      case "handshake":
        handshakes++;
        log(`handshake      the server is up`);
        break;
      case "disconnect":
        disconnects++;
        log(`disconnect     the server went away`);
        break;
      default:
        log(event.type.padEnd(14) + ("address" in event ? ` ${event.address}` : ""));
    }
  }
})();

client.connect(ENDPOINT);

// Meanwhile, a ping every 250 ms. send() does not fail while the server is
// down: the message waits in the socket's queue.
let pongs = 0;
const replies = (async () => {
  for await (const [reply] of client) if (`${reply}` === "pong") pongs++;
})();
let pings = 0;
while (Date.now() - started < RUN_FOR_MS) {
  await client.send(`ping ${++pings}`);
  if (pings % 4 === 0) log(`${pings} pings sent, ${pongs} answered`);
  await new Promise((resolve) => setTimeout(resolve, 250));
}
await client.send("bye");
await new Promise((resolve) => setTimeout(resolve, 100));
client.close(); // ends both loops: the events iterator gets "end"
await Promise.allSettled([monitor, replies]);
console.log(`client: ${handshakes} handshakes, ${disconnects} disconnects, ${retries} retries, ${pongs} of ${pings} pings answered`);
