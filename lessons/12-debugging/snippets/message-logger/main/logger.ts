import * as zmq from "zeromq";

// A message logger in the spirit of the article's MessageDebugger, for
// zeromq.js. It prints every message a socket sends and receives, and the
// socket's connection events, without changing how the socket behaves.

type Frames = zmq.MessageLike | zmq.MessageLike[];

const started = Date.now();

/** At most 32 bytes of a frame: text when it is printable, hex bytes otherwise. */
function preview(frame: Buffer): string {
  const head = frame.subarray(0, 32);
  const printable = head.every((b) => b >= 0x20 && b < 0x7f);
  const shown = printable ? JSON.stringify(head.toString()) : `<${[...head].map((b) => b.toString(16).padStart(2, "0")).join(" ")}>`;
  return frame.length > 32 ? `${shown}…` : shown;
}

function describe(frames: Buffer[]): string {
  const bytes = frames.reduce((sum, f) => sum + f.length, 0);
  const parts = frames.map((f) => (f.length === 0 ? "(empty)" : preview(f)));
  return `${frames.length} frame${frames.length === 1 ? "" : "s"}, ${bytes} B: ${parts.join(" | ")}`;
}

/** What send() accepts, as the bytes that will go out. */
function toBuffer(frame: zmq.MessageLike): Buffer {
  if (frame === null) return Buffer.alloc(0);
  if (typeof frame === "string" || typeof frame === "number") return Buffer.from(String(frame));
  if (ArrayBuffer.isView(frame)) return Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  return Buffer.from(frame); // an ArrayBuffer or SharedArrayBuffer
}

/**
 * Wraps a socket so that send(), receive() and for-await loops are logged.
 * Returns a Proxy with the socket's own type: use it exactly like the socket.
 */
export function logged<S extends zmq.Socket>(socket: S, name: string): S {
  let sent = 0;
  let received = 0;
  const log = (line: string) => console.log(`[${name} +${Date.now() - started}ms] ${line}`);

  // Connection events come from libzmq's monitor: log them as they happen.
  void (async () => {
    for await (const event of socket.events) {
      if (event.type === "end") break;
      const error = "error" in event ? ` (${"code" in event.error ? event.error.code : event.error.message})` : "";
      log(`event ${event.type}${error}`);
    }
  })();

  const send = async (message: Frames) => {
    const number = ++sent;
    log(`send #${number}: ${describe((Array.isArray(message) ? message : [message]).map(toBuffer))}`);
    await (socket as unknown as zmq.Writable).send(message);
    log(`send #${number} queued`);
  };
  const receive = async () => {
    log(`receive #${received + 1}: waiting…`);
    const frames = await (socket as unknown as zmq.Readable).receive();
    log(`receive #${++received}: ${describe(frames)}`);
    return frames;
  };
  async function* iterate() {
    for (;;) {
      try {
        yield await receive();
      } catch (err) {
        if (socket.closed) return; // close() ends the loop, as it does for the socket itself
        throw err;
      }
    }
  }

  return new Proxy(socket, {
    get(target, property) {
      if (property === "send" && "send" in target) return send;
      if (property === "receive" && "receive" in target) return receive;
      if (property === Symbol.asyncIterator && "receive" in target) return iterate;
      // Everything else is the socket's own: methods are bound to the real socket.
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
    set(target, property, value) {
      return Reflect.set(target, property, value, target);
    },
  });
}
