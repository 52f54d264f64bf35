import * as zmq from "zeromq";

const TIMEOUT_MS = 500; // how long to wait for a reply
const RETRIES = 3; // how many times to resend before giving up

// A fresh REQ socket: receive() rejects after TIMEOUT_MS, close() drops
// whatever is still queued (linger 0).
function connect() {
  const socket = new zmq.Request({ receiveTimeout: TIMEOUT_MS, linger: 0 });
  socket.connect("tcp://127.0.0.1:5555");
  return socket;
}

let client = connect();
for (let n = 1; n <= 5; n++) {
  const request = `request ${n}`;
  for (let attempt = 0; ; attempt++) {
    await client.send(request);
    try {
      const [reply] = await client.receive();
      console.log(`${reply}`);
      break;
    } catch (err) {
      // Only EAGAIN means "no reply in time". Anything else (EFSM: the socket
      // is in the wrong state; a socket already closed) is a bug in this
      // program, not a lost reply: retrying would hide it, so let it crash.
      if ((err as { code?: string }).code !== "EAGAIN") throw err;
      // No reply in time. This REQ socket is stuck (it still waits for the
      // lost reply), so throw it away and resend on a new one.
      client.close();
      if (attempt === RETRIES) {
        console.log(`no reply after ${RETRIES} retries: server seems to be offline, giving up`);
        process.exit(1);
      }
      console.log(`no reply within ${TIMEOUT_MS} ms (${(err as { code?: string }).code}), retry ${attempt + 1}/${RETRIES}`);
      client = connect();
    }
  }
}
client.close();
console.log("5/5 replies");
