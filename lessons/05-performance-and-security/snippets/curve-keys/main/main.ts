import * as zmq from "zeromq";
import { statSync, writeFileSync } from "node:fs";

// CURVE needs libzmq built with libsodium (or its own TweetNaCl). Check first.
console.log(`CURVE available: ${zmq.capability.curve}`);

// The zmq_curve_keygen tool, in one call.
const { publicKey, secretKey } = zmq.curveKeyPair();
console.log(`public key: ${publicKey} (${publicKey.length} characters)`);
console.log(`secret key: ${secretKey} (${secretKey.length} characters)`);

// Z85 turns every 4 bytes into 5 printable characters: 40 characters carry
// the 32 bytes of a Curve25519 key. Anything else is refused.
const socket = new zmq.Request();
for (const [label, key] of [
  ["a 40-character key", publicKey],
  ["the article's 36-character key", "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8"],
] as const) {
  try {
    socket.curveServerKey = key;
    console.log(`${label}: accepted`);
  } catch (err) {
    console.log(`${label}: ${(err as { code: string }).code}`);
  }
}
socket.close();

// A secret key is a password: store it readable by its owner only.
writeFileSync("server.key", secretKey, { mode: 0o600 });
console.log(`server.key written, mode ${(statSync("server.key").mode & 0o777).toString(8)}`);
