import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A Simple Pirate worker (REQ, READY once). After its reply number
// `hangAfter` it hangs for 2.5 s: it reads nothing more, then exits.
export async function runWorker(name: string, hangAfter = Infinity) {
  const socket = new zmq.Request({ routingId: name, linger: 0 });
  socket.connect("tcp://127.0.0.1:5556");
  await socket.send("READY");

  let handled = 0;
  for (;;) {
    const message = await socket.receive();
    if (message.length === 1) break; // ["STOP"] from the queue
    const [client, empty, request] = message;
    console.log(`${name}: working on ${request}`);
    await sleep(50);
    await socket.send([client, empty, `${request} done by ${name}`]);
    if (++handled === hangAfter) {
      console.log(`${name}: hanging, idle, after ${handled} replies`);
      await sleep(2500);
      socket.close();
      console.log(`${name}: exits after hanging 2.5 s`);
      return;
    }
  }
  socket.close();
  console.log(`${name}: stopping after ${handled} requests`);
}
