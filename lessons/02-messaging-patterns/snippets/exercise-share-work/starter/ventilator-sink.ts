import * as zmq from "zeromq";

// The ventilator hands out tasks: PUSH sends each message to ONE connected
// worker, taking the workers in turn (round-robin).
const ventilator = new zmq.Push();
await ventilator.bind("tcp://127.0.0.1:5557");

// The sink collects the results: PULL takes messages from all the workers,
// one from each in turn when several are waiting (fair queuing).
const sink = new zmq.Pull();
await sink.bind("tcp://127.0.0.1:5558");

// When everything is done, one PUB message tells all workers to stop.
const control = new zmq.Publisher();
await control.bind("tcp://127.0.0.1:5559");

// TODO: the workers start one after the other (see their delays). Tasks sent
// now all go to the only worker connected so far. Wait for all three first.

// Each task is "id milliseconds": how long the worker should pretend to work.
const workloads = [150, 50, 100, 200, 80, 120, 60, 90, 110, 70, 130, 40];
const totalMs = workloads.reduce((a, b) => a + b, 0);
console.log(`sending ${workloads.length} tasks`);
const start = Date.now();
for (const [i, ms] of workloads.entries()) {
  await ventilator.send(`${i + 1} ${ms}`);
}

const tasksBy = new Map<string, string[]>();
for (let n = 0; n < workloads.length; n++) {
  const [worker, id] = (await sink.receive()).map(String);
  tasksBy.set(worker, [...(tasksBy.get(worker) ?? []), id]);
}
const elapsed = Date.now() - start;

for (const [worker, ids] of tasksBy) {
  console.log(`${worker} did ${ids.length} tasks: ${ids.join(", ")}`);
}
console.log(`${workloads.length} results from ${tasksBy.size} workers in ${elapsed} ms (${totalMs} ms of work)`);

await control.send("stop");
for (const socket of [ventilator, sink, control]) socket.close();
