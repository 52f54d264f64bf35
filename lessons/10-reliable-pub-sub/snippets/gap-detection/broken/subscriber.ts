import * as zmq from "zeromq";

const ADDRESS = "tcp://127.0.0.1:5556";
const subscriber = new zmq.Subscriber({ receiveTimeout: 1000, linger: 0 });
subscriber.connect(ADDRESS);
subscriber.subscribe("price");

let received = 0;
let latest = "";
try {
  for (;;) {
    const [, , value] = await subscriber.receive();
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
console.log(`subscriber: ${received} updates, latest price ${latest}`);
