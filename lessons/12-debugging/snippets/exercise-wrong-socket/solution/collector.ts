import * as zmq from "zeromq";

// A PUB socket talks to SUB sockets only (PULL pairs with PUSH), and a SUB
// socket receives nothing until it subscribes.
const collector = new zmq.Subscriber({ receiveTimeout: 2000 });
collector.connect("tcp://127.0.0.1:5555");
collector.subscribe("temperature");

let collected = 0;
try {
  while (collected < 5) {
    const [reading] = await collector.receive();
    collected += 1;
    console.log(`collector: ${reading!.toString()}`);
  }
} catch {
  console.log("collector: nothing for 2 s");
}
collector.close();
console.log(`collected ${collected} readings`);
