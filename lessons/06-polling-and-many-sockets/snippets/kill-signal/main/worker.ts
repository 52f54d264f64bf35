import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A worker with two inputs: tasks from the ventilator (PULL) and commands from
// the sink (SUB), and one output: results to the sink (PUSH).
export async function runWorker(name: string) {
  const tasks = new zmq.Pull();
  tasks.connect("tcp://127.0.0.1:5557");
  const results = new zmq.Push();
  results.connect("tcp://127.0.0.1:5558");
  const control = new zmq.Subscriber();
  control.connect("tcp://127.0.0.1:5559");
  control.subscribe();

  let done = 0;
  async function work() {
    // Ends by itself when the task socket is closed.
    for await (const [task] of tasks) {
      const [label, workload] = `${task}`.split(": ");
      await sleep(parseInt(workload!, 10)); // the "work"
      await results.send(`${label} by ${name}`);
      done++;
    }
  }

  async function listen() {
    for await (const [command] of control) {
      if (`${command}` === "KILL") {
        console.log(`${name}: KILL received`);
        tasks.close(); // ends the work() loop
        break;
      }
    }
  }

  // Both loops at once: a worker in the middle of a task still hears KILL.
  await Promise.all([work(), listen()]);
  results.close();
  control.close();
  console.log(`${name}: killed after ${done} tasks`);
}
