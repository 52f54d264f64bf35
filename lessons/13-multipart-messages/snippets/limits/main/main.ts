import * as zmq from "zeromq";

const pull = new zmq.Pull({ receiveTimeout: 500 });
await pull.bind("tcp://127.0.0.1:5555");
const push = new zmq.Push({ linger: 0 });
push.connect("tcp://127.0.0.1:5555");

// 1. Zero-length frames are real frames. "", null and an empty Buffer all make one.
await push.send(["", null, Buffer.alloc(0)]);
let frames = await pull.receive();
console.log(`["", null, Buffer.alloc(0)] -> ${frames.length} frames of ${frames.map((f) => f.length).join(", ")} bytes`);

// 2. Everything arrives as a Buffer. Numbers and booleans travel as their text,
//    and so does undefined: beware.
await push.send([7, true, undefined] as any);
frames = await pull.receive();
console.log("[7, true, undefined] ->", frames.map((f) => f.toString()));

// 3. An empty array is not an empty message: nothing is sent at all.
await push.send([]);
try {
  await pull.receive(); // waits receiveTimeout (500 ms), then rejects
} catch (err: any) {
  console.log(`[] -> nothing arrived (${err.code})`);
}

// 4. No fixed limit on the frame count: 10 000 frames, still one message.
const many = Array.from({ length: 10_000 }, (_, i) => String(i));
await push.send(many);
frames = await pull.receive();
console.log(`10000 frames -> ${frames.length} frames, last ${frames.at(-1)}`);

// 5. A frame can be large: the whole message is held in memory on both sides.
await push.send(Buffer.alloc(8 * 1024 * 1024, 0x61));
frames = await pull.receive();
console.log(`one 8 MiB frame -> ${frames[0].length} bytes`);

push.close();
pull.close();
console.log("done");
