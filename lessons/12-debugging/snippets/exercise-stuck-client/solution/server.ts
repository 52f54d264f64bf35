import * as zmq from "zeromq";

// This server crashes while handling the first "Hello 2" and is back 1.5 s
// later. It stops once it has answered "Hello 3". Leave this file as it is.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const address = "tcp://127.0.0.1:5555";

let server = new zmq.Reply();
await server.bind(address);
let crashed = false;

for (;;) {
  const [request] = await server.receive();
  const text = request!.toString();
  if (text === "Hello 2" && !crashed) {
    crashed = true;
    console.log("server: crashed while handling Hello 2, back in 1.5 s");
    server.close(); // the request is lost, no reply will ever come
    await sleep(1500);
    server = new zmq.Reply();
    await server.bind(address);
    console.log("server: back up");
    continue;
  }
  console.log(`server: answering ${text}`);
  await server.send(text.replace("Hello", "World"));
  if (text === "Hello 3") break;
}
server.close();
