import * as zmq from "zeromq";

const ADDRESS = "tcp://127.0.0.1:5556";
const subscriber = new zmq.Subscriber({ receiveTimeout: 1000, linger: 0 });
subscriber.connect(ADDRESS);
subscriber.subscribe("price");

let received = 0;
let latest = "";
let expected = 0; // the sequence number the next update should carry (0: not known yet)
const missing: string[] = [];
try {
  for (;;) {
    const [, seqFrame, value] = await subscriber.receive();
    const seq = Number(seqFrame!.toString());
    // The whole fix: compare the number with the one we expected.
    if (expected !== 0 && seq > expected) {
      const gap = seq - 1 === expected ? `${expected}` : `${expected}-${seq - 1}`;
      console.log(`subscriber: gap! expected update ${expected}, got ${seq}: missing ${gap}`);
      missing.push(gap);
    }
    expected = seq + 1;
    received += 1;
    latest = value!.toString();
    if (received === 10) {
      // A network blip: the connection is gone for 300 ms. ZeroMQ reconnects
      // by itself, and the subscription is sent again on the new connection.
      console.log("subscriber: connection lost for 300 ms");
      subscriber.disconnect(ADDRESS);
      await new Promise((resolve) => setTimeout(resolve, 300));
      subscriber.connect(ADDRESS);
    }
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err; // 1 s of silence: the publisher is done
}
subscriber.close();
const gaps = missing.length === 0 ? "no gaps" : `missing ${missing.join(", ")}`;
console.log(`subscriber: ${received} updates up to ${expected - 1}, ${gaps}`);
