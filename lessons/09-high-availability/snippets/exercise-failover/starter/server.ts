import * as zmq from "zeromq";
import { HEARTBEAT_MS, PEER_EXPIRY_MS, next, type Event, type State } from "./bstar";

// One Binary Star server: a ROUTER for clients, a PUB that tells the peer our
// state every HEARTBEAT_MS, a SUB that hears the peer's state.
const PORTS = {
  primary: { frontend: 5001, pub: 5003, peerPub: 5004 },
  backup: { frontend: 5002, pub: 5004, peerPub: 5003 },
};

export interface Faults {
  crashAfter?: number; // after answering this many requests, close everything (a crash)
  restartAfterMs?: number; // ... and start again this much later, in the PRIMARY/BACKUP state
  cutLinkAfter?: number; // after this many requests, the link between the servers breaks ...
  cutForMs?: number; // ... for this long: no heartbeats either way, clients still get through
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runServer(role: "primary" | "backup", faults: Faults = {}): Promise<void> {
  const ports = PORTS[role];
  const frontend = new zmq.Router({ linger: 0 });
  const pub = new zmq.Publisher({ linger: 0 });
  const sub = new zmq.Subscriber({ linger: 0 });
  await frontend.bind(`tcp://127.0.0.1:${ports.frontend}`);
  await pub.bind(`tcp://127.0.0.1:${ports.pub}`);
  sub.connect(`tcp://127.0.0.1:${ports.peerPub}`);
  sub.subscribe();
  console.log(`${role}: serving clients on port ${ports.frontend}`);

  let state: State = role === "primary" ? "PRIMARY" : "BACKUP";
  let lastHeard = Date.now(); // at start, give the peer PEER_EXPIRY_MS to show up
  const peerSilent = () => Date.now() - lastHeard > PEER_EXPIRY_MS;
  let stopped = false;
  let answered = 0;
  let silenceSaid = false;
  let linkDownUntil = 0;
  const linkDown = () => Date.now() < linkDownUntil;

  const stop = (why: string) => {
    if (stopped) return;
    stopped = true;
    clearInterval(heartbeat);
    frontend.close();
    pub.close();
    sub.close();
    console.log(`${role}: ${why}`);
  };

  // Feed one event to the state machine; print every change of state.
  let failing = false;
  const handle = (event: Event): boolean => {
    if (failing) return false;
    const outcome = next(state, event, peerSilent());
    if (outcome.fatal) {
      // Tell the peer our state once more, so that it stops too, then stop.
      console.log(`${role}: ${state} + ${event}: fatal, ${outcome.fatal}`);
      failing = true;
      pub.send(state).catch(() => {});
      setTimeout(() => {
        stop("stopping");
        process.exit(1);
      }, 200);
      return false;
    }
    if (outcome.state !== state) console.log(`${role}: ${state} + ${event} -> ${outcome.state}`);
    state = outcome.state;
    return outcome.accept;
  };

  // Heartbeat: publish our state; also say once when the peer falls silent.
  const heartbeat = setInterval(() => {
    if (!linkDown()) pub.send(state).catch(() => {});
    if (peerSilent() && !silenceSaid) {
      silenceSaid = true;
      console.log(`${role}: no heartbeat from the peer for ${PEER_EXPIRY_MS} ms (state ${state})`);
    }
  }, HEARTBEAT_MS);

  // The peer's state, as events.
  const peer = (async () => {
    for await (const [peerState] of sub) {
      if (linkDown()) continue;
      lastHeard = Date.now();
      if (silenceSaid) {
        silenceSaid = false;
        console.log(`${role}: the peer is heard again`);
      }
      handle(`PEER_${peerState}` as Event);
    }
  })().catch(() => {});

  // Client requests: answered only when the state machine accepts them.
  for await (const [client, empty, body] of frontend) {
    const request = body.toString();
    if (request === "bye") {
      // Not part of Binary Star: lets this demo end by itself.
      await frontend.send([client, empty, "bye"]);
      stop(`bye (state ${state}, answered ${answered})`);
      break;
    }
    if (!handle("CLIENT_REQUEST")) {
      console.log(`${role}: ${state}: ignoring ${request}`);
      continue;
    }
    await frontend.send([client, empty, `${request} answered by ${role}`]);
    answered++;
    if (answered === faults.cutLinkAfter) {
      linkDownUntil = Date.now() + (faults.cutForMs ?? 0);
      console.log(`${role}: the link to the peer is cut for ${faults.cutForMs} ms`);
    }
    if (answered === faults.crashAfter) {
      stop(`crash! after ${answered} requests (all sockets closed)`);
      break;
    }
  }
  await peer;
  if (faults.restartAfterMs !== undefined && answered === faults.crashAfter) {
    await sleep(faults.restartAfterMs);
    console.log(`${role}: restarting`);
    await runServer(role, {});
  }
}
