import * as zmq from "zeromq";

// Two sockets with two rhythms: a task every 150 ms, a weather update every 250 ms.
// close() waits at most 1 s for messages nobody took (linger).
const tasks = new zmq.Push({ linger: 1000 });
tasks.connect("tcp://127.0.0.1:5557");
const updates = new zmq.XPublisher({ linger: 1000 });
updates.connect("tcp://127.0.0.1:5556");

// XPUB: wait for the reader's subscription, so that no update is dropped
// (the slow joiner of part 12).
await updates.receive();
console.log("sources: the reader is subscribed");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sendTasks() {
  for (let n = 1; n <= 5; n++) {
    await tasks.send(`task ${n}`);
    await sleep(150);
  }
  await tasks.send("END");
}

async function sendUpdates() {
  for (let n = 1; n <= 3; n++) {
    await updates.send(`weather ${n}: ${10 + n} °C`);
    await sleep(250);
  }
  await updates.send("END");
}

await Promise.all([sendTasks(), sendUpdates()]);
tasks.close();
updates.close();
console.log("sources: sent 5 tasks and 3 updates");
