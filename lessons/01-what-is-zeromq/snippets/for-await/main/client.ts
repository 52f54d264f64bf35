import * as zmq from "zeromq";

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");

for (const text of ["Hello", "Hello", "bye"]) {
  await client.send(text);
  const [reply] = await client.receive();
  console.log(`${text} → ${reply.toString()}`);
}

client.close();
