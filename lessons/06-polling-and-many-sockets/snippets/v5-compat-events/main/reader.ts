import * as zmq from "zeromq/v5-compat";

// What does the compatibility layer offer for polling? Only the constants.
const pollNames = Object.keys(zmq).filter((name) => /poll/i.test(name)).sort();
console.log(`reader: v5-compat names with "poll": ${pollNames.join(", ")}`);

// The v5 style: sockets are event emitters. Each "message" listener is called
// when its socket has a message; Node's event loop does the waiting for both.
const tasks = zmq.socket("pull");
tasks.bindSync("tcp://127.0.0.1:5557");
const updates = zmq.socket("sub");
updates.bindSync("tcp://127.0.0.1:5556");
updates.subscribe("");

let taskCount = 0;
let updateCount = 0;
let finished = 0;
function finish() {
  if (++finished < 2) return;
  tasks.close();
  updates.close();
  console.log(`reader: ${taskCount} tasks and ${updateCount} updates`);
}

tasks.on("message", (message: Buffer) => {
  if (`${message}` === "END") return finish();
  taskCount++;
  console.log(`tasks   ← ${message}`);
});
updates.on("message", (message: Buffer) => {
  if (`${message}` === "END") return finish();
  updateCount++;
  console.log(`updates ← ${message}`);
});
