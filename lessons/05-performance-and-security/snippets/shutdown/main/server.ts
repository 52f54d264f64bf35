import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// receiveTimeout: an idle receive() gives up after 100 ms, so the loop gets to
// look at the stop flag even when no request comes. linger: replies still
// queued at close() get 1 s to leave.
const server = new zmq.Reply({ receiveTimeout: 100, linger: 1000 });
await server.bind("tcp://127.0.0.1:5555");
console.log(`server: pid ${process.pid}, serving`);

// On SIGTERM (what `kill` and most process managers send) or SIGINT (Ctrl-C):
// only set a flag. Closing the socket here could cut a request in the middle
// of its work: its reply could no longer be sent.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    console.log(`server: ${signal}, stopping after the request in hand`);
    stopping = true;
  });
}

// For this demo, the server sends itself a SIGTERM after 600 ms.
setTimeout(() => process.kill(process.pid, "SIGTERM"), 600);

let served = 0;
while (!stopping) {
  let request: Buffer;
  try {
    [request] = (await server.receive()) as [Buffer];
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
    continue; // 100 ms without a request: look at the flag again
  }
  await sleep(20); // the work
  await server.send(`reply to ${request.toString()}`);
  served += 1;
  // The flag is checked here, after the reply: the work in hand is finished.
}

// Nothing is in hand now: close the socket, then release other resources
// (files, database connections…). Nothing is left to wait for, so Node exits.
server.close();
console.log(`server: served ${served} requests, exiting cleanly`);
