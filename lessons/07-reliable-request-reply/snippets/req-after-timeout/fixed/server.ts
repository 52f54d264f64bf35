import * as zmq from "zeromq";

// A ROUTER can choose not to answer: it loses the first copy of request 2 on
// purpose, as a crashed or overloaded server would. It stops on "bye", or
// after 1.5 s without a request.
const server = new zmq.Router({ linger: 0, receiveTimeout: 1500 });
await server.bind("tcp://127.0.0.1:5555");
console.log("ready on tcp://127.0.0.1:5555");

let lost = false;
try {
  for (;;) {
    const [client, empty, request] = await server.receive();
    if (`${request}` === "request 2" && !lost) {
      lost = true;
      console.log("lost request 2 (no reply)");
      continue;
    }
    console.log(`answering ${request}`);
    await server.send([client, empty, `reply to ${request}`]);
    if (`${request}` === "bye") break;
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
  console.log("no request for 1500 ms: server stops");
}
server.close();
