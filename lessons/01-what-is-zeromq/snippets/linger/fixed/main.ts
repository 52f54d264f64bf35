import * as zmq from "zeromq";

// linger: 0 — at close(), drop whatever has not been delivered yet.
// (Or set zmq.context.blocky = false before creating any socket:
// every new socket then starts with linger 0.)
const client = new zmq.Request({ receiveTimeout: 1000, linger: 0 });
client.connect("tcp://127.0.0.1:5555");

await client.send("Hello");
console.log("Hello is queued");

try {
  await client.receive();
} catch (err) {
  const { code } = err as { code: string };
  console.log(`no reply within 1 s (${code}), giving up`);
}

client.close();
console.log("socket closed, end of the program");
// The process exits right away, and "Hello" is lost: that is what linger 0 means.
