import * as zmq from "zeromq";

// A client is a plain REQ socket: it talks to the broker as if it were the server.
const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5570");

for (let n = 1; n <= 3; n++) {
  await client.send(`hello ${n}`);
  const [reply] = await client.receive();
  console.log(`client got: ${reply.toString()}`);
}
console.log("client done");
client.close();
