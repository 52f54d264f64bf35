import * as zmq from "zeromq";

// The routingId is sent to the ROUTER when the connection is made, so it
// must be set before connect(): here, in the constructor.
const worker = new zmq.Dealer({ routingId: "printer", receiveTimeout: 2000 });
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
