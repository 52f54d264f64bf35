import * as zmq from "zeromq";

// Collects five results, then goes down (for a redeploy, say) and never comes back.
const sink = new zmq.Pull({ linger: 0 });
await sink.bind("tcp://127.0.0.1:5621");
for (let n = 1; n <= 5; n++) {
  const [result] = await sink.receive();
  console.log(`sink: ${result}`);
}
sink.close();
console.log("sink: going down");
