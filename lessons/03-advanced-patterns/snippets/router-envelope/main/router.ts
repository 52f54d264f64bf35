import * as zmq from "zeromq";

// Show a frame as text when it is printable, else as hex.
function show(frame: Buffer): string {
  const printable = /^[\x20-\x7e]*$/.test(frame.toString("latin1"));
  return printable ? JSON.stringify(frame.toString()) : `0x${frame.toString("hex")}`;
}

const router = new zmq.Router();
await router.bind("tcp://127.0.0.1:5555");
console.log("router listening on tcp://127.0.0.1:5555");

for (let n = 1; n <= 2; n++) {
  // A ROUTER puts the sender's identity in front of every message it receives.
  const frames = await router.receive();
  console.log(`message ${n}, ${frames.length} frames:`);
  frames.forEach((frame, i) => console.log(`  frame ${i}: ${show(frame)} (${frame.length} bytes)`));

  // To answer, send the same envelope back: the identity first, then
  // everything up to and including the empty delimiter (if there is one).
  const [identity, ...rest] = frames;
  const envelope = rest.length > 1 ? [identity, ...rest.slice(0, -1)] : [identity];
  await router.send([...envelope, `Hi ${show(identity).replaceAll('"', "")}`]);
}

router.close();
console.log("answered 2 peers");
