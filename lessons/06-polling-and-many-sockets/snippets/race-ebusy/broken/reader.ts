import * as zmq from "zeromq";

const tasks = new zmq.Pull();
await tasks.bind("tcp://127.0.0.1:5557");
const updates = new zmq.Subscriber();
await updates.bind("tcp://127.0.0.1:5556");
updates.subscribe();

// One loop, and each turn races a fresh receive() on both sockets.
// The socket that loses the race still has its receive() in flight...
let seen = 0;
try {
  while (seen < 8) {
    const [name, [message]] = await Promise.race([
      tasks.receive().then((frames) => ["tasks  ", frames] as const),
      updates.receive().then((frames) => ["updates", frames] as const),
    ]);
    seen++;
    console.log(`${name} ← ${message}`);
  }
} catch (err) {
  // ...so the next turn's receive() on it throws at once. Printed here, where you can read it.
  const { code, message } = err as { code?: string; message: string };
  console.log(`reader: ${code}: ${message}`);
  process.exit(1);
}
console.log(`reader: ${seen} messages`);
