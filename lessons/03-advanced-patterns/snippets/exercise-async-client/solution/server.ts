import * as zmq from "zeromq";

// The server is done: each request takes 300 ms, and it works on all the
// requests it holds at the same time. It stops after 5 replies and tells you
// how many requests it held at once.
const server = new zmq.Router();
await server.bind("tcp://127.0.0.1:5555");

let sending = Promise.resolve();
const reply = (frames: (Buffer | string)[]) => (sending = sending.then(() => server.send(frames)));

let inFlight = 0;
let mostInFlight = 0;
let answered = 0;
await new Promise<void>((resolve) => {
  (async () => {
    for await (const [identity, jobId] of server) {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      setTimeout(async () => {
        inFlight--;
        await reply([identity, jobId, "done"]);
        if (++answered === 5) resolve();
      }, 300);
    }
  })();
});
server.close();
console.log(`most requests in flight at once: ${mostInFlight}`);
