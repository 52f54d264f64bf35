import * as zmq from "zeromq";

// Show a frame as text when it is printable, else as hex.
function show(frame: Buffer): string {
  const printable = /^[\x20-\x7e]*$/.test(frame.toString("latin1"));
  return printable ? JSON.stringify(frame.toString()) : `0x${frame.toString("hex")}`;
}

const pull = new zmq.Pull();
await pull.bind("tcp://127.0.0.1:5555");
const push = new zmq.Push();
push.connect("tcp://127.0.0.1:5555");

// Each send() is ONE message. An array makes it a multipart message:
// libzmq sends every frame but the last with the "more" flag set.
await push.send(["order", "42", Buffer.from([0x00, 0xff, 0x10])]);
await push.send("ping");                       // a one-frame message
await push.send(["status", JSON.stringify({ ok: true })]);

let frameCount = 0;
for (let n = 1; n <= 3; n++) {
  // receive() resolves once, with ALL the frames of the next message.
  const frames = await pull.receive();
  frameCount += frames.length;
  console.log(`message ${n}: ${frames.length} frame${frames.length === 1 ? "" : "s"}`);
  frames.forEach((f, i) => console.log(`  frame ${i}: ${show(f)} (${f.length} bytes)`));
}

console.log(`received 3 messages, ${frameCount} frames`);
push.close();
pull.close();
