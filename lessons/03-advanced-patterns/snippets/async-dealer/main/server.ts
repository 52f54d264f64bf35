import * as zmq from "zeromq";

const server = new zmq.Router();
await server.bind("tcp://127.0.0.1:5555");

// Only one send() may be pending on a socket at a time (a second one throws
// EBUSY), and replies are now sent from timers. Chain them.
let sending = Promise.resolve();
const reply = (frames: (Buffer | string)[]) => (sending = sending.then(() => server.send(frames)));

let inFlight = 0;
let mostInFlight = 0;
let answered = 0;
const finished = new Promise<void>((resolve) => {
  (async () => {
    for await (const [identity, requestId, body] of server) {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const ms = Number(body.toString());
      console.log(`request ${requestId} arrived, takes ${ms} ms`);

      // Don't wait: start the work and go back to receive() at once.
      setTimeout(async () => {
        await reply([identity, requestId, `slept ${ms} ms`]);
        inFlight--;
        if (++answered === 5) resolve();
      }, ms);
    }
  })();
});

await finished;
server.close();
console.log(`most requests in flight at once: ${mostInFlight}`);
