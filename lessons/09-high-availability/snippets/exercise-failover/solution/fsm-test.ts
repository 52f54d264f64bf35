import { next, type Event, type State } from "./bstar";

// The state machine is a pure function, so it can be tested without sockets
// or clocks: each row is a state, an event, whether the peer is silent, and
// what must come out (a state, "answer" for a served request, or a fatal error).
const table: [State, Event, boolean, string][] = [
  ["PRIMARY", "PEER_BACKUP", false, "ACTIVE"],
  ["PRIMARY", "PEER_ACTIVE", false, "PASSIVE"],
  ["PRIMARY", "CLIENT_REQUEST", false, "PRIMARY"], // the backup may be active: wait
  ["BACKUP", "PEER_ACTIVE", false, "PASSIVE"],
  ["BACKUP", "CLIENT_REQUEST", true, "BACKUP"], // a backup never serves before it saw the primary
  ["ACTIVE", "CLIENT_REQUEST", false, "ACTIVE, answer"],
  ["ACTIVE", "PEER_ACTIVE", false, "fatal"],
  ["PASSIVE", "PEER_PRIMARY", false, "ACTIVE"], // the primary restarted
  ["PASSIVE", "PEER_PASSIVE", false, "fatal"],
  ["PASSIVE", "CLIENT_REQUEST", false, "PASSIVE"], // peer alive: no failover
  ["PASSIVE", "CLIENT_REQUEST", true, "ACTIVE, answer"], // peer silent and a client asks: failover
];

let passed = 0;
for (const [state, event, silent, want] of table) {
  const out = next(state, event, silent);
  const got = out.fatal ? "fatal" : out.accept ? `${out.state}, answer` : out.state;
  const row = `${state} + ${event}${silent ? " (peer silent)" : ""} -> ${got}`;
  if (got === want) passed++;
  console.log(got === want ? `ok    ${row}` : `FAIL  ${row}, want ${want}`);
}
console.log(passed === table.length ? `fsm: all ${table.length} cases pass` : `fsm: ${table.length - passed} of ${table.length} cases fail`);
