import * as zmq from "zeromq";

// REQ: connects, then strictly alternates send, receive, send, receive…
const request = new zmq.Request();
request.connect("tcp://127.0.0.1:5555");

for (let n = 1; n <= 3; n++) {
  await request.send(`Hello ${n}`);
  const [answer] = await request.receive();
  console.log(`client got: ${answer.toString()}`);
}
console.log("client done");
request.close();
