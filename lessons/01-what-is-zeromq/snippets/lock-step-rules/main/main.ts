import * as zmq from "zeromq";

function codeOf(err: unknown) {
  const { code, message } = err as { code: string; message: string };
  return `${code} (${message})`;
}

// sendTimeout: 0 makes an impossible send() fail at once. With the default
// (-1) the Promise would wait forever instead, and the program would hang.
const server = new zmq.Reply({ sendTimeout: 0 });
await server.bind("tcp://127.0.0.1:5555");
const client = new zmq.Request({ sendTimeout: 0 });
client.connect("tcp://127.0.0.1:5555");

// ❌ A REP socket cannot speak first: it has no request to answer.
try {
  await server.send("World?");
} catch (err) {
  console.log(`REP sends first: ${codeOf(err)}`);
}

await client.send("Hello");

// ❌ A REQ socket cannot send again before it has received the reply.
try {
  await client.send("Hello again");
} catch (err) {
  console.log(`REQ sends twice: ${codeOf(err)}`);
}

// ✅ The lock-step: REQ send → REP receive → REP send → REQ receive.
const [request] = await server.receive();
console.log(`server: received ${request.toString()}`);
await server.send("World");
const [reply] = await client.receive();
console.log(`client: received ${reply.toString()}`);

client.close();
server.close();
