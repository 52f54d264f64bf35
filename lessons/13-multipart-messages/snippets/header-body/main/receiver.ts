import * as zmq from "zeromq";
import { createHash } from "node:crypto";

const pull = new zmq.Pull();
await pull.bind("tcp://127.0.0.1:5555");

let total = 0;
for (let n = 0; n < 3; n++) {
  // Header and body arrive together or not at all: no partial file to handle.
  const [headerFrame, body] = await pull.receive();
  const header = JSON.parse(headerFrame.toString());
  const ok = createHash("sha256").update(body).digest("hex") === header.sha256;
  console.log(`${header.name}: ${header.type}, ${body.length} bytes, sha256 ${ok ? "ok" : "MISMATCH"}`);
  total += body.length;
}
console.log(`received 3 files, ${total} bytes`);
pull.close();
