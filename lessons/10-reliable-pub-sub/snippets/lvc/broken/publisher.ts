import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The publisher connects to the proxy. It is an XPUB so that it can wait for
// the proxy's subscription before its first update (the slow joiner, part 12).
const publisher = new zmq.XPublisher({ linger: 0 });
publisher.connect("tcp://127.0.0.1:5557");
await publisher.receive();

// A few updates at the start, then a long quiet spell: rain never changes again.
const updates: [string, string][] = [["temp", "20"], ["wind", "5"], ["rain", "0"], ["temp", "21"], ["wind", "7"], ["temp", "22"]];
for (const [topic, value] of updates) {
  await publisher.send([topic, value]);
  console.log(`publisher: ${topic} = ${value}`);
  await sleep(100);
}
await sleep(2500); // the subscriber joins during this quiet spell
await publisher.send(["temp", "23"]);
console.log("publisher: temp = 23");
await sleep(300);
publisher.close();
