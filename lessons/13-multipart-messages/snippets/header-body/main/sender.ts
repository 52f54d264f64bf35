import * as zmq from "zeromq";
import { createHash, randomBytes } from "node:crypto";

const push = new zmq.Push();
push.connect("tcp://127.0.0.1:5555");

const files = [
  { name: "logo.png", type: "image/png", data: randomBytes(4096) },
  { name: "notes.txt", type: "text/plain", data: Buffer.from("frames keep bytes as bytes") },
  { name: "empty.bin", type: "application/octet-stream", data: Buffer.alloc(0) },
];

for (const file of files) {
  const header = {
    name: file.name,
    type: file.type,
    size: file.data.length,
    sha256: createHash("sha256").update(file.data).digest("hex"),
  };
  // Frame 0: small JSON metadata. Frame 1: the bytes, untouched (no base64).
  await push.send([JSON.stringify(header), file.data]);
}
console.log(`sent ${files.length} files`);
push.close();
