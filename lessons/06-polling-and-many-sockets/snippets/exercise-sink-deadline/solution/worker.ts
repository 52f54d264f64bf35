import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The kill-switch worker. With `leaveAfter`, it leaves after that many tasks,
// as a worker that crashes or is scaled down would: the tasks already queued
// for it are lost.
export async function runWorker(name: string, leaveAfter = Infinity) {
  const tasks = new zmq.Pull();
  tasks.connect("tcp://127.0.0.1:5557");
  const results = new zmq.Push();
  results.connect("tcp://127.0.0.1:5558");
  const control = new zmq.Subscriber();
  control.connect("tcp://127.0.0.1:5559");
  control.subscribe();

  let done = 0;
  async function work() {
    for await (const [task] of tasks) {
      const [label, workload] = `${task}`.split(": ");
      await sleep(parseInt(workload!, 10));
      await results.send(`${label} by ${name}`);
      if (++done === leaveAfter) {
        console.log(`${name}: leaving after ${done} tasks`);
        tasks.close();
        control.close(); // ends listen()
      }
    }
  }

  async function listen() {
    for await (const [command] of control) {
      if (`${command}` === "KILL") {
        console.log(`${name}: KILL received`);
        tasks.close();
        break;
      }
    }
  }

  await Promise.all([work(), listen()]);
  results.close();
  if (!control.closed) control.close();
  if (done < leaveAfter) console.log(`${name}: killed after ${done} tasks`);
}
