import * as zmq from "zeromq";

const HEARTBEAT_MS = 200;
const LIVENESS = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runWorker(name: string, crashAfter: number) {
  const socket = new zmq.Dealer({ routingId: name, linger: 0 });
  socket.connect("tcp://127.0.0.1:5556");

  let sends = Promise.resolve();
  const send = (frames: string[]) => (sends = sends.then(() => socket.send(frames)));

  // Heartbeats keep flowing while a task runs: busy is not dead.
  let lastHeard = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - lastHeard > HEARTBEAT_MS * LIVENESS) {
      console.log(`${name}: broker is gone, stopping`);
      clearInterval(timer);
      socket.close(); // ends the for-await loop below
      return;
    }
    send(["HEARTBEAT"]);
  }, HEARTBEAT_MS);
  send(["HEARTBEAT"]); // say hello at once

  let done = 0;
  for await (const [command, id, body] of socket) {
    lastHeard = Date.now();
    if (command.toString() !== "TASK") continue; // a heartbeat
    if (done + 1 === crashAfter) {
      console.log(`${name}: crashing in the middle of task ${id}`);
      process.exit(1); // no reply, no goodbye: like a real crash
    }
    await sleep(150); // the "work"
    await send(["DONE", id.toString(), `${body.toString().toUpperCase()} (by ${name})`]);
    done++;
  }
  console.log(`${name}: finished ${done} tasks`);
}
