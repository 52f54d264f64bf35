import * as zmq from "zeromq";

// PUSH hands each task to ONE connected worker, taking them in turn.
const tasks = new zmq.Push();
await tasks.bind("tcp://127.0.0.1:5557");
// PULL collects the results from every worker (the sink).
const results = new zmq.Pull();
await results.bind("tcp://127.0.0.1:5558");
// One PUB message tells the workers to stop.
const control = new zmq.Publisher();
await control.bind("tcp://127.0.0.1:5559");

// Round-robin only knows the workers connected now: wait for both.
let connected = 0;
for await (const event of tasks.events) {
  if (event.type === "handshake" && ++connected === 2) break;
}

const TASKS = 6;
console.log(`2 workers connected, sending ${TASKS} tasks`);
for (let n = 1; n <= TASKS; n++) await tasks.send(`task ${n}`);

const workers = new Set<string>();
for (let n = 0; n < TASKS; n++) {
  const [worker, task] = (await results.receive()).map(String);
  console.log(`${task} done by ${worker}`);
  workers.add(worker);
}
console.log(`${TASKS} results from ${workers.size} workers`);

await control.send("stop");
for (const socket of [tasks, results, control]) socket.close();
