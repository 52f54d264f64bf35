import * as zmq from "zeromq";

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");

for (let n = 1; n <= 3; n++) {
  await client.send(`Hello ${n}`);
  // Wait for this reply before sending the next request.
  const [reply] = await client.receive();
  console.log(`received ${reply.toString()}`);
}

client.close();
