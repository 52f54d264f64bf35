import * as zmq from "zeromq";

// mandatory: true makes a send to an unknown identity fail (EHOSTUNREACH)
// instead of dropping the message silently.
const dispatcher = new zmq.Router({ mandatory: true });
await dispatcher.bind("tcp://127.0.0.1:5555");

// Wait until both workers have said hello: only then does the ROUTER know
// their connections, and so their names.
for (let n = 0; n < 2; n++) {
  const [name] = await dispatcher.receive();
  console.log(`${name} is ready`);
}

// The first frame of what we send picks the peer.
await dispatcher.send(["worker-b", "resize photo.jpg"]);
await dispatcher.send(["worker-a", "send the newsletter"]);

try {
  await dispatcher.send(["worker-c", "anything"]);
} catch (err) {
  console.log(`cannot send to worker-c: ${(err as { code: string }).code}`);
}

for (let n = 0; n < 2; n++) {
  const [name, result] = await dispatcher.receive();
  console.log(`${name}: ${result}`);
}

await dispatcher.send(["worker-a", "bye"]);
await dispatcher.send(["worker-b", "bye"]);
dispatcher.close();
console.log("dispatcher done");
