import * as zmq from "zeromq";

// The Majordomo Protocol, MDP/0.1 (rfc.zeromq.org/spec/7), in one small file.
export const BROKER = "tcp://127.0.0.1:5555";
export const CLIENT = "MDPC01"; // the protocol header of every client message
export const WORKER = "MDPW01"; // the protocol header of every worker message
// Worker commands are one byte each.
export const READY = Buffer.from([1]);
export const REQUEST = Buffer.from([2]);
export const REPLY = Buffer.from([3]);
export const HEARTBEAT = Buffer.from([4]);
export const DISCONNECT = Buffer.from([5]);
const NAMES = ["?", "READY", "REQUEST", "REPLY", "HEARTBEAT", "DISCONNECT"];
export const commandName = (command: Buffer | undefined) => (command?.length === 1 && NAMES[command[0]!]) || "?";

export const HEARTBEAT_MS = 500; // how often broker and workers say "alive"
export const LIVENESS = 3; // silent for 3 heartbeats: the peer is gone

/** Frames for printing: text in quotes, a one-byte command by name, other bytes in hex. */
export function show(frames: (Buffer | string)[]): string {
  const shown = frames.map((frame) => {
    const bytes = Buffer.from(frame);
    if (bytes.length === 1 && bytes[0]! < NAMES.length) return NAMES[bytes[0]!]!;
    if (/^[\x20-\x7e]*$/.test(bytes.toString("latin1"))) return JSON.stringify(bytes.toString());
    return "0x" + bytes.toString("hex");
  });
  return `[${shown.join(", ")}]`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The client API: one request at a time, a reply or null after `timeoutMs`. */
export class Client {
  private socket!: zmq.Dealer;
  constructor(private endpoint = BROKER) {
    this.open();
  }

  private open() {
    this.socket = new zmq.Dealer({ linger: 0 });
    this.socket.connect(this.endpoint);
  }

  async request(service: string, body: string[], timeoutMs = 2000): Promise<string[] | null> {
    // A DEALER sends the empty frame a REQ socket would add: "" "MDPC01" service body…
    await this.socket.send(["", CLIENT, service, ...body]);
    this.socket.receiveTimeout = timeoutMs;
    try {
      const [, header, from, ...reply] = await this.socket.receive();
      if (header?.toString() !== CLIENT || from?.toString() !== service) throw new Error(`not an MDP reply: ${show([header ?? "", from ?? ""])}`);
      return reply.map(String);
    } catch (err) {
      if ((err as { code?: string }).code !== "EAGAIN") throw err;
      // No reply in time. A late one must not answer the next request: new socket.
      this.socket.close();
      this.open();
      return null;
    }
  }

  close() {
    this.socket.close();
  }
}

/** The worker API: registers for `service`, then answers each request with `handler`. */
export class Worker {
  served = 0;
  constructor(readonly service: string, private endpoint = BROKER) {}

  /** Serves until the broker says DISCONNECT; a silent broker means reconnect and READY again. */
  async serve(handler: (body: string[]) => string[] | Promise<string[]>): Promise<void> {
    while ((await this.session(handler)) === "silent") {
      console.log(`${this.service} worker: broker silent for ${LIVENESS} heartbeats, reconnecting`);
      await sleep(HEARTBEAT_MS);
    }
  }

  private async session(handler: (body: string[]) => string[] | Promise<string[]>): Promise<"silent" | "disconnect"> {
    const socket = new zmq.Dealer({ linger: 0 });
    socket.connect(this.endpoint);
    // Only one send may be in flight per socket: heartbeats and replies take turns.
    let sends = Promise.resolve();
    const send = (command: Buffer, ...rest: (Buffer | string)[]) =>
      (sends = sends.then(() => socket.send(["", WORKER, command, ...rest])).catch(() => {}));

    let outcome: "silent" | "disconnect" = "disconnect";
    let lastHeard = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - lastHeard > HEARTBEAT_MS * LIVENESS) {
        outcome = "silent";
        socket.close(); // ends the loop below
      } else send(HEARTBEAT);
    }, HEARTBEAT_MS);

    send(READY, this.service);
    try {
      for await (const [, header, command, client, , ...body] of socket) {
        lastHeard = Date.now();
        if (header?.toString() !== WORKER) continue;
        if (command?.equals(DISCONNECT)) break;
        if (!command?.equals(REQUEST) || !client) continue; // HEARTBEAT: lastHeard is enough
        const reply = await handler(body.map(String));
        this.served++;
        send(REPLY, client, "", ...reply);
      }
    } catch {
      // the socket was closed by the timer
    }
    clearInterval(timer);
    await sends;
    if (!socket.closed) socket.close();
    return outcome;
  }
}
