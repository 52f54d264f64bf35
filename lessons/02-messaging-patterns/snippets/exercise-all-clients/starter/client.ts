import * as zmq from "zeromq";

// The three clients are done: each sends two requests, then "bye".
const me = `client-${process.pid}`;
const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");

for (const text of ["hello 1", "hello 2", "bye"]) {
  await client.send(`${me}: ${text}`);
  const [reply] = await client.receive();
  console.log(`${me}: ${text} → ${reply}`);
}
client.close();
