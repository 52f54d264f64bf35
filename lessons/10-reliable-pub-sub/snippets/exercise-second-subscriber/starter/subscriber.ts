import * as zmq from "zeromq";

// Started twice: as subscriber-a, then, half a second later, as subscriber-b.
const name = process.argv[2];
const subscriber = new zmq.Subscriber({ receiveTimeout: 1500, linger: 0 });
subscriber.connect("tcp://127.0.0.1:5558");
subscriber.subscribe("rain");

let rain = "unknown";
try {
  for (;;) {
    const [, value] = await subscriber.receive();
    rain = value!.toString();
    console.log(`${name}: got rain = ${rain}`);
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err; // 1.5 s of silence: done
}
subscriber.close();
console.log(`${name}: rain = ${rain}`);
