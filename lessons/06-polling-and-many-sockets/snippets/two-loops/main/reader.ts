import * as zmq from "zeromq";

// The reader binds both addresses; the sources process connects to them.
const tasks = new zmq.Pull();
await tasks.bind("tcp://127.0.0.1:5557");
const updates = new zmq.Subscriber();
await updates.bind("tcp://127.0.0.1:5556");
updates.subscribe(); // every topic

// One loop per socket. Each loop waits on its own socket only; while it
// waits, the other loop can run. Whichever socket has a message is served.
async function readTasks() {
  let count = 0;
  for await (const [message] of tasks) {
    if (`${message}` === "END") break;
    count++;
    console.log(`tasks   ← ${message}`);
  }
  return count;
}

async function readUpdates() {
  let count = 0;
  for await (const [message] of updates) {
    if (`${message}` === "END") break;
    count++;
    console.log(`updates ← ${message}`);
  }
  return count;
}

// Start both loops, then wait for both to end.
const [taskCount, updateCount] = await Promise.all([readTasks(), readUpdates()]);
tasks.close();
updates.close();
console.log(`reader: ${taskCount} tasks and ${updateCount} updates`);
