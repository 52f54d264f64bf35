import * as zmq from "zeromq";

const HEARTBEAT_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A Paranoid Pirate worker (DEALER, READY, heartbeats on a timer). After its
// reply number `hangAfter` it hangs for 2.5 s: no more heartbeats, no more
// reading, then it exits. (Reconnecting is in the paranoid-pirate demo.)
export async function runWorker(name: string, hangAfter = Infinity) {
  const socket = new zmq.Dealer({ routingId: name, linger: 0 });
  socket.connect("tcp://127.0.0.1:5556");
  let sends = Promise.resolve();
  const send = (frames: (string | Buffer)[]) =>
    (sends = sends.then(() => socket.send(frames)).catch(() => {}));
  send(["READY"]);
  const timer = setInterval(() => send(["HEARTBEAT"]), HEARTBEAT_MS);

  let handled = 0;
  for await (const frames of socket) {
    if (frames.length === 1) {
      if (`${frames[0]}` === "DISCONNECT") break;
      continue; // a HEARTBEAT
    }
    const [client, empty, request] = frames;
    console.log(`${name}: working on ${request}`);
    await sleep(50);
    await send([client, empty, `${request} done by ${name}`]);
    if (++handled === hangAfter) {
      console.log(`${name}: hanging, idle, after ${handled} replies`);
      clearInterval(timer);
      await sleep(2500);
      socket.close();
      console.log(`${name}: exits after hanging 2.5 s`);
      return;
    }
  }
  clearInterval(timer);
  socket.close();
  console.log(`${name}: the queue said DISCONNECT, stopping after ${handled} requests`);
}
