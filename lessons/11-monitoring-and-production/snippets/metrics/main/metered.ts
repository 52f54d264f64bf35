import * as zmq from "zeromq";

/** What one socket did: messages and bytes each way, and its connected peers. */
export interface SocketMetrics {
  sent: number;
  received: number;
  bytesOut: number;
  bytesIn: number;
  peers: number;
}

const bytes = (frames: zmq.MessageLike[]) =>
  frames.reduce<number>((sum, f) => sum + (typeof f === "string" ? Buffer.byteLength(f) : ArrayBuffer.isView(f) || f instanceof ArrayBuffer ? f.byteLength : String(f).length), 0);

/**
 * Peers are counted from the socket's own events: +1 on each handshake, -1 on
 * each disconnect. (on() puts socket.events in emitter mode: nothing else may
 * read it with for await.)
 */
function watch(socket: zmq.Socket): SocketMetrics {
  const metrics: SocketMetrics = { sent: 0, received: 0, bytesOut: 0, bytesIn: 0, peers: 0 };
  socket.events.on("handshake", () => metrics.peers++);
  socket.events.on("disconnect", () => metrics.peers--);
  return metrics;
}

/** A thin wrapper for a socket that sends: the socket, its metrics, and a send() that counts. */
export function meteredSender<S extends zmq.Socket & zmq.Writable>(socket: S) {
  const metrics = watch(socket);
  return {
    socket,
    metrics,
    async send(message: zmq.MessageLike | zmq.MessageLike[]) {
      const frames = Array.isArray(message) ? message : [message];
      await socket.send(frames);
      metrics.sent++;
      metrics.bytesOut += bytes(frames);
    },
  };
}

/** The same for a socket that receives. */
export function meteredReceiver<S extends zmq.Socket & zmq.Readable>(socket: S) {
  const metrics = watch(socket);
  return {
    socket,
    metrics,
    async receive() {
      const frames = await socket.receive();
      metrics.received++;
      metrics.bytesIn += bytes(frames);
      return frames;
    },
  };
}
