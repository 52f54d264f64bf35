import * as zmq from "zeromq";

// TODO: when a reply does not come within a second, do not wait forever:
// close this socket, open a new one and send the same request again
// (at most 3 attempts per request).
const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");

for (let n = 1; n <= 3; n++) {
  await client.send(`Hello ${n}`);
  const [reply] = await client.receive();
  console.log(`client: received ${reply!.toString()}`);
}
client.close();
