import * as zmq from "zeromq";

// TODO: the dispatcher sends its job to the peer called "printer".
// Give this socket that name.
const worker = new zmq.Dealer({ receiveTimeout: 2000 });
worker.connect("tcp://127.0.0.1:5555");
await worker.send("hello");

try {
  const [file] = await worker.receive();
  await worker.send(`printed ${file}`);
  console.log(`printing ${file}`);
} catch {
  console.log("no job came, giving up");
}
worker.close();
