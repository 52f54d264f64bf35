import * as zmq from "zeromq";

const TASKS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const tasks = new zmq.Push();
await tasks.bind("tcp://127.0.0.1:5557");
// Give both workers time to connect, so that PUSH shares the tasks between them.
await sleep(500);
for (let n = 1; n <= TASKS; n++) {
  await tasks.send(`task ${n}: ${100 + (n % 5) * 100} ms`);
  await sleep(2); // a little apart, so that each send has its own time in the Messages view
}
console.log(`ventilator: sent ${TASKS} tasks`);
tasks.close();
