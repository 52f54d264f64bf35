import * as zmq from "zeromq";

// worker-a and worker-b both run this file. Each stops after 1 s without tasks.
const NAME = process.env.RUNNER_PROCESS_NAME ?? "worker";
const tasks = new zmq.Pull({ receiveTimeout: 1000, linger: 0 });
const results = new zmq.Push({ linger: 1000 });
tasks.connect("tcp://127.0.0.1:5611");
results.connect("tcp://127.0.0.1:5612");

let done = 0;
try {
  for (;;) {
    const [task] = await tasks.receive();
    await new Promise((resolve) => setTimeout(resolve, 60)); // the work
    await results.send(`${task} done by ${NAME}`);
    done++;
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
}
tasks.close();
results.close();
console.log(`${NAME}: idle for 1 s, stopping after ${done} tasks`);
