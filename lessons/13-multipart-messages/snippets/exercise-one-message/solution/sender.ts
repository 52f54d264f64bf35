import * as zmq from "zeromq";

const push = new zmq.Push();
push.connect("tcp://127.0.0.1:5555");

const files = [
  { name: "report.pdf", data: Buffer.alloc(3000, 1) },
  { name: "photo.jpg", data: Buffer.alloc(5000, 2) },
  { name: "readme.md", data: Buffer.from("# hello zmq\n") },
];

for (const file of files) {
  const header = JSON.stringify({ name: file.name, size: file.data.length });
  // One send(), two frames: they arrive together, in one receive().
  await push.send([header, file.data]);
}
console.log(`sent ${files.length} files`);
push.close();
