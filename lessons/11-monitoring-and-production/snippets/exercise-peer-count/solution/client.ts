import * as zmq from "zeromq";

// client-1, client-2 and client-3 run this file: each stays 800 ms, then leaves.
const client = new zmq.Dealer({ linger: 0 });
client.connect("tcp://127.0.0.1:5661");
await new Promise((resolve) => setTimeout(resolve, 800));
client.close();
console.log(`${process.env.RUNNER_PROCESS_NAME}: left`);
