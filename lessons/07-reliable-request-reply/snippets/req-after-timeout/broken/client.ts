import * as zmq from "zeromq";

// sendTimeout 0: a send() the socket cannot accept rejects at once
// instead of waiting for ever.
const client = new zmq.Request({ receiveTimeout: 500, sendTimeout: 0, linger: 0 });
client.connect("tcp://127.0.0.1:5555");

for (let n = 1; n <= 5; n++) {
  const request = `request ${n}`;
  for (;;) {
    try {
      await client.send(request);
    } catch (err) {
      const { code, message } = err as { code?: string; message: string };
      console.log(`send failed: ${code} (${message})`);
      process.exit(1);
    }
    try {
      const [reply] = await client.receive();
      console.log(`${reply}`);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== "EAGAIN") throw err;
      // The timeout works... but this REQ socket still waits for the reply
      // to request 2. Resending on it is the mistake.
      console.log(`no reply to ${request} within 500 ms (EAGAIN)`);
    }
  }
}
client.close();
console.log("5/5 replies");
