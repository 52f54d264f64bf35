import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tasks = new zmq.Push();
tasks.connect("tcp://127.0.0.1:5557");
const alerts = new zmq.Push();
alerts.connect("tcp://127.0.0.1:5559");

// Three tasks, then a pause longer than the reader's receiveTimeout.
for (let n = 1; n <= 3; n++) {
  await tasks.send(`task ${n}`);
  await sleep(200);
}
await sleep(1200);
// One message on each socket, then silence: the sender stays up but says nothing.
await alerts.send("alert: disk 90% full");
await sleep(300);
await tasks.send("task 4");
console.log("sender: sent 4 tasks and 1 alert, now silent");
await sleep(1200);
tasks.close();
alerts.close();
