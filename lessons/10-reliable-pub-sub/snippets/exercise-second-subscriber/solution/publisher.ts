import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Waits for the proxy's subscription, publishes three updates, then stays
// quiet: rain never changes again.
const publisher = new zmq.XPublisher({ linger: 0 });
publisher.connect("tcp://127.0.0.1:5557");
await publisher.receive();
for (const [topic, value] of [["temp", "20"], ["rain", "0"], ["temp", "21"]]) {
  await publisher.send([topic!, value!]);
  console.log(`publisher: ${topic} = ${value}`);
  await sleep(100);
}
await sleep(2000);
publisher.close();
