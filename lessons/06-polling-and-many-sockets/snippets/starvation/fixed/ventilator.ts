import * as zmq from "zeromq";

const TASKS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const tasks = new zmq.Push();
await tasks.bind("tcp://127.0.0.1:5557");
const control = new zmq.XPublisher();
await control.bind("tcp://127.0.0.1:5558");

// Wait for the worker's subscription to the control socket, then flood it with work:
// all the tasks at once, far more than it can do in the next 250 ms.
await control.receive();
for (let n = 1; n <= TASKS; n++) await tasks.send(`task ${n}`);
console.log(`ventilator: sent ${TASKS} tasks`);

// The quiet socket: one message, 250 ms later, while the worker is still busy.
await sleep(250);
await control.send("STOP");
console.log("ventilator: sent STOP");

tasks.close();
control.close();
