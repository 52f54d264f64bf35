import type * as zmq from "zeromq";

/** Prints a socket's connection events (libzmq's monitor) as they happen. */
export function watch(socket: zmq.Socket, name: string) {
  void (async () => {
    for await (const event of socket.events) {
      if (event.type === "end") break;
      const error = "error" in event ? ` (${"code" in event.error ? event.error.code : event.error.message})` : "";
      console.log(`${name} event: ${event.type}${error}`);
    }
  })();
}
