import * as zmq from "zeromq";

const address = "tcp://127.0.0.1:5555";

// A server that takes the first request and dies before answering it.
const crashing = new zmq.Reply({ linger: 0 });
await crashing.bind(address);

// sendTimeout: 1000 only so that this demo ends: with the default (-1), a
// send() that the socket's state forbids waits forever instead of failing.
let client = new zmq.Request({ receiveTimeout: 500, sendTimeout: 1000, linger: 0 });
client.connect(address);

await client.send("request 1");
const [first] = await crashing.receive();
console.log(`server: got ${first.toString()}, crashes before replying`);
crashing.close();

try {
  await client.receive();
} catch (err) {
  console.log(`client: no reply within 500 ms (${(err as { code: string }).code})`);
}

// The server comes back and answers one request.
const restarted = new zmq.Reply({ linger: 0 });
await restarted.bind(address);
const serving = (async () => {
  try {
    const [request] = await restarted.receive();
    console.log(`server: got ${request.toString()}`);
    await restarted.send("reply 2");
  } catch {
    console.log("server: closed, no request came");
  }
})();

// ❌ Reuse the socket: disconnect and connect again.
client.disconnect(address);
client.connect(address);

try {
  await client.send("request 2");
  const [reply] = await client.receive();
  console.log(`client: got ${reply.toString()}`);
} catch (err) {
  const { code, message } = err as { code: string; message: string };
  console.log(`client: send failed: ${code} (${message}); the REQ socket still waits for the lost reply`);
}

client.close();
restarted.close();
await serving;
