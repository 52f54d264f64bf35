import * as zmq from "zeromq";

// The collector should print 5 readings from the sensor, then stop.
// Nothing arrives. Find out why (socket.events helps) and fix it.
const collector = new zmq.Pull({ receiveTimeout: 2000 });
collector.connect("tcp://127.0.0.1:5555");

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
