import * as zmq from "zeromq";

const HEARTBEAT_MS = 250;
const LIVENESS = 4; // 1 s without a word from the queue: it is gone
const FIRST_BACKOFF_MS = 250; // wait before reconnecting, doubled each time
const MAX_BACKOFF_MS = 2000;
const MAX_RECONNECTS = 2; // reconnects in a row that hear nothing, then give up

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let backoff = FIRST_BACKOFF_MS;
let silentReconnects = 0;
for (;;) {
  const socket = new zmq.Dealer({ routingId: "worker-1", linger: 0 });
  socket.connect("tcp://127.0.0.1:5556");
  let sends = Promise.resolve();
  const send = (frames: string[]) => (sends = sends.then(() => socket.send(frames)).catch(() => {}));
  send(["READY"]);

  let lastHeard = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - lastHeard > HEARTBEAT_MS * LIVENESS) socket.close(); // ends the loop below
    else send(["HEARTBEAT"]);
  }, HEARTBEAT_MS);

  for await (const [command] of socket) {
    lastHeard = Date.now();
    backoff = FIRST_BACKOFF_MS; // the queue is there: start over
    silentReconnects = 0;
    if (`${command}` === "HEARTBEAT") continue;
  }
  clearInterval(timer);
  if (silentReconnects === MAX_RECONNECTS) {
    console.log(`worker-1: queue still silent after ${MAX_RECONNECTS} reconnects, giving up`);
    process.exit(1); // a supervisor sees the failure and can alert someone
  }
  silentReconnects++;
  console.log(`worker-1: queue silent for ${HEARTBEAT_MS * LIVENESS} ms, reconnecting in ${backoff} ms`);
  await sleep(backoff);
  backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
}
