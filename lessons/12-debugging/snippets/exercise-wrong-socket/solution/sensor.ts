import * as zmq from "zeromq";

// A sensor publishes a reading every 50 ms, 40 in all. Leave this file as it is.
const sensor = new zmq.Publisher();
await sensor.bind("tcp://127.0.0.1:5555");

for (let n = 1; n <= 40; n++) {
  await sensor.send(`temperature ${(20 + Math.sin(n / 5)).toFixed(2)}`);
  if (n % 10 === 0) console.log(`sensor: published ${n} readings`);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
sensor.close();
