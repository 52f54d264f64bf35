import * as zmq from "zeromq";

// Clients (REQ) connect to the ROUTER, workers (REP) to the DEALER. The
// ROUTER prefixes each request with the client's identity; the DEALER spreads
// requests over the workers; a reply comes back with the identity, and the
// ROUTER uses it to send the reply to the right client.
const frontend = new zmq.Router();
await frontend.bind("tcp://127.0.0.1:5570");
const backend = new zmq.Dealer();
await backend.bind("tcp://127.0.0.1:5571");

const MESSAGES = 3;
async function forward(from: zmq.Router | zmq.Dealer, to: zmq.Router | zmq.Dealer) {
  for (let n = 0; n < MESSAGES; n++) await to.send(await from.receive());
}
await Promise.all([forward(frontend, backend), forward(backend, frontend)]);
console.log(`broker forwarded ${MESSAGES} requests and ${MESSAGES} replies`);
frontend.close();
backend.close();
