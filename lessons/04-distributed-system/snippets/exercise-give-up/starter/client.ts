import * as zmq from "zeromq";

const TIMEOUT_MS = 500;
const RETRIES = 3; // TODO: not used yet

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
      // Only EAGAIN is a timeout; any other error is a bug to see, not to retry.
      if ((err as { code?: string }).code !== "EAGAIN") throw err;
      client.close();
      // TODO: after RETRIES failed retries, print a line with "giving up"
      // and end the process with exit code 1, instead of retrying forever.
      console.log(`no reply within ${TIMEOUT_MS} ms, retry ${attempt + 1}`);
      client = connect();
    }
  }
}
client.close();
console.log("5/5 replies");
