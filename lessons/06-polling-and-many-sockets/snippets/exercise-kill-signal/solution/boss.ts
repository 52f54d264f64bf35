import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const tasks = new zmq.Push();
await tasks.bind("tcp://127.0.0.1:5557");
const control = new zmq.XPublisher();
await control.bind("tcp://127.0.0.1:5559");

// Wait for the worker's subscription (no lost KILL), then five tasks, then KILL.
await control.receive();
for (let n = 1; n <= 5; n++) {
  await tasks.send(`task ${n}`);
  await sleep(100);
}
await sleep(300); // the last task is done well before KILL
await control.send("KILL");
console.log("boss: sent 5 tasks, then KILL");
tasks.close();
control.close();
