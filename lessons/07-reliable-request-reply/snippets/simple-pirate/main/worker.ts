import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A Simple Pirate worker: a REQ socket that says READY once, then answers
// requests. It crashes (process.exit) on request number `crashOn`.
export async function runWorker(name: string, crashOn = Infinity) {
  const socket = new zmq.Request({ routingId: name, linger: 0 });
  socket.connect("tcp://127.0.0.1:5556");
  await socket.send("READY");

  let handled = 0;
  for (;;) {
    const message = await socket.receive();
    if (message.length === 1) break; // ["STOP"] from the queue
    const [client, empty, request] = message; // REQ took the queue's "" off
    if (++handled === crashOn) {
      console.log(`${name}: crashing in the middle of ${request}`);
      process.exit(1); // no reply, no goodbye: like a real crash
    }
    console.log(`${name}: working on ${request}`);
    await sleep(50);
    await socket.send([client, empty, `${request} done by ${name}`]);
  }
  socket.close();
  console.log(`${name}: stopping after ${handled} requests`);
}
