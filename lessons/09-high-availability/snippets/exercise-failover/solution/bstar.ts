// The Binary Star state machine, as a pure function: no sockets, no clock.
// The server loop feeds it events and the one fact it cannot know itself:
// whether the peer has been silent for longer than PEER_EXPIRY_MS.

export type State = "PRIMARY" | "BACKUP" | "ACTIVE" | "PASSIVE";
export type Event = "PEER_PRIMARY" | "PEER_BACKUP" | "PEER_ACTIVE" | "PEER_PASSIVE" | "CLIENT_REQUEST";

export const HEARTBEAT_MS = 250; // each server publishes its state this often
export const PEER_EXPIRY_MS = 1000; // four missed heartbeats: the peer is silent

export interface Outcome {
  state: State; // the state after the event
  accept: boolean; // for CLIENT_REQUEST: answer it (true) or ignore it (false)
  fatal?: string; // the pair is broken: stop this server
}

export function next(state: State, event: Event, peerSilent: boolean): Outcome {
  const stay = { state, accept: false };
  switch (state) {
    case "PRIMARY": // started as primary, peer not heard yet
      if (event === "PEER_BACKUP") return { state: "ACTIVE", accept: false };
      if (event === "PEER_ACTIVE") return { state: "PASSIVE", accept: false };
      // A client asks before we heard the backup: serve only once the backup
      // has been silent long enough that it cannot be serving clients itself.
      if (event === "CLIENT_REQUEST" && peerSilent) return { state: "ACTIVE", accept: true };
      return stay;
    case "BACKUP": // started as backup: never serves before it saw the primary
      if (event === "PEER_ACTIVE") return { state: "PASSIVE", accept: false };
      return stay;
    case "ACTIVE":
      if (event === "PEER_ACTIVE") return { ...stay, fatal: "dual actives" };
      return { state, accept: event === "CLIENT_REQUEST" };
    case "PASSIVE":
      if (event === "PEER_PRIMARY" || event === "PEER_BACKUP") return { state: "ACTIVE", accept: false }; // the peer restarted
      if (event === "PEER_PASSIVE") return { ...stay, fatal: "dual passives" };
      // The failover rule: take over only when the peer is silent AND a
      // client asks. Silence alone may be a broken link between the servers.
      if (event === "CLIENT_REQUEST" && peerSilent) return { state: "ACTIVE", accept: true };
      return stay;
  }
}
