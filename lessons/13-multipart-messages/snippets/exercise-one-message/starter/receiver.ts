import * as zmq from "zeromq";

const pull = new zmq.Pull();
await pull.bind("tcp://127.0.0.1:5555");

let total = 0;
for (let n = 0; n < 3; n++) {
  const frames = await pull.receive();
  if (frames.length !== 2) {
    console.log(`expected 2 frames (header, body), got ${frames.length}`);
    process.exit(1);
  }
  const [headerFrame, body] = frames;
  const header = JSON.parse(headerFrame.toString());
  console.log(`${header.name}: ${body.length} bytes`);
  total += body.length;
}
console.log(`received 3 files, ${total} bytes`);
pull.close();
