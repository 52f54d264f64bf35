import * as zmq from "zeromq";

const PING_MS = 250; // ping every server this often
const TTL_MS = 1000; // a server silent this long is dead
const REQUEST_MS = 3000; // a request with no reply after this long fails

interface Server {
  address: string;
  alive: boolean; // answered recently (a PONG or a reply)
  lastHeard: number;
}
interface Pending {
  sequence: number;
  body: string;
  server?: Server; // where it was sent; undefined while no server is alive
  deadline: number;
  resolve: (reply: string) => void;
  reject: (error: Error) => void;
}

// Freelance model 3: one ROUTER connected to every server. It pings them all,
// sends each request to the first server that is alive, and resends it
// elsewhere if that server falls silent.
export class FreelanceAgent {
  private socket = new zmq.Router({ linger: 0 });
  private servers: Server[];
  private pending?: Pending;
  private sequence = 0;
  private sends = Promise.resolve(); // one send in flight per socket
  private timer: NodeJS.Timeout;

  constructor(addresses: string[]) {
    this.servers = addresses.map((address) => ({ address, alive: false, lastHeard: 0 }));
    for (const address of addresses) this.socket.connect(address);
    this.timer = setInterval(() => this.tick(), PING_MS);
    this.tick();
    this.receiveLoop().catch(() => {});
  }

  request(body: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.pending = { sequence: ++this.sequence, body, deadline: Date.now() + REQUEST_MS, resolve, reject };
      this.dispatch();
    });
  }

  // Not part of the pattern: tell every server to stop, so the run ends.
  async stopServers() {
    for (const server of this.servers) this.send([server.address, "0", "bye"]);
    await this.sends;
  }

  close() {
    clearInterval(this.timer);
    this.socket.close();
  }

  private send(frames: string[]) {
    this.sends = this.sends.then(() => this.socket.send(frames)).catch(() => {});
  }

  // Send the pending request to the first server that is alive.
  private dispatch() {
    const pending = this.pending;
    if (!pending) return;
    pending.server = this.servers.find((s) => s.alive);
    if (pending.server) this.send([pending.server.address, String(pending.sequence), pending.body]);
  }

  private tick() {
    const now = Date.now();
    for (const server of this.servers) {
      // A ROUTER drops what it sends to a server it is not connected to, so
      // a server counts as alive only once one of these pings was answered.
      this.send([server.address, "PING"]);
      if (server.alive && now - server.lastHeard > TTL_MS) {
        server.alive = false;
        console.log(`agent: ${server.address} is silent for ${TTL_MS} ms: dead`);
        if (this.pending?.server === server) {
          this.dispatch();
          if (this.pending.server) console.log(`agent: request ${this.pending.sequence} sent again, to ${this.pending.server.address}`);
        }
      }
    }
    if (this.pending && !this.pending.server) this.dispatch();
    if (this.pending && now > this.pending.deadline) {
      this.pending.reject(new Error(`no reply in ${REQUEST_MS} ms`));
      this.pending = undefined;
    }
  }

  private async receiveLoop() {
    for await (const [id, first, body] of this.socket) {
      const server = this.servers.find((s) => s.address === `${id}`);
      if (!server) continue;
      server.lastHeard = Date.now();
      if (!server.alive) {
        server.alive = true;
        console.log(`agent: ${server.address} is alive`);
      }
      if (`${first}` === "PONG") continue;
      // A reply: the pending request's, or a late one for an older request (dropped).
      if (this.pending && Number(`${first}`) === this.pending.sequence) {
        this.pending.resolve(`${body}`);
        this.pending = undefined;
      }
    }
  }
}
