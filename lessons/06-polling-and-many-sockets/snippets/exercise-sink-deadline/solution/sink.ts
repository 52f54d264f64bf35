import * as zmq from "zeromq";

const TASKS = 20;
const SILENCE_MS = 1000;

// receive() rejects with EAGAIN after SILENCE_MS without a result.
const results = new zmq.Pull({ receiveTimeout: SILENCE_MS });
await results.bind("tcp://127.0.0.1:5558");
const control = new zmq.Publisher();
await control.bind("tcp://127.0.0.1:5559");

let received = 0;
try {
  while (received < TASKS) {
    const [result] = await results.receive();
    received++;
    console.log(`sink: ${received}/${TASKS} ${result}`);
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
  console.log(`sink: no result for ${SILENCE_MS} ms, ${TASKS - received} tasks lost`);
}

// Complete or not, the batch is over: tell every worker to stop.
await control.send("KILL");
console.log(`sink: ${received}/${TASKS} results, KILL sent`);
results.close();
control.close();
