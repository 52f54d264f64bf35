import * as zmq from "zeromq";

// The dispatcher is done: it sends the job to the peer called "printer".
// With mandatory: true, an unknown name is an error instead of a silent drop.
const dispatcher = new zmq.Router({ mandatory: true });
await dispatcher.bind("tcp://127.0.0.1:5555");

// Wait for the worker's hello, so that its connection exists.
await dispatcher.receive();
console.log("a worker said hello");

try {
  await dispatcher.send(["printer", "report.pdf"]);
  const [name, result] = await dispatcher.receive();
  console.log(`${name}: ${result}`);
  console.log("dispatcher done");
} catch (err) {
  console.log(`nobody called printer is connected (${(err as { code: string }).code})`);
  process.exitCode = 1;
}
dispatcher.close();
