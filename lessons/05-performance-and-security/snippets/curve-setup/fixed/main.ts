import * as zmq from "zeromq";

// 1. Keys: each side has a long-term key pair, two 40-character Z85 strings.
//    A secret key never leaves its owner. The client must know the server's
//    PUBLIC key in advance (from a config file, an environment variable…).
const serverKeys = zmq.curveKeyPair();
const clientKeys = zmq.curveKeyPair();
const serverPublicKey = serverKeys.publicKey; // what the server's operator hands out
console.log(`server public key: ${serverKeys.publicKey}`);
console.log(`client public key: ${clientKeys.publicKey}`);

// 2. The server: curveServer plus its own secret key.
const server = new zmq.Reply({ curveServer: true, curveSecretKey: serverKeys.secretKey, linger: 0 });
await server.bind("tcp://127.0.0.1:5555");

// 3. The client: its own key pair, and the server's public key.
const client = new zmq.Request({
  curveServerKey: serverPublicKey,
  curvePublicKey: clientKeys.publicKey,
  curveSecretKey: clientKeys.secretKey,
  linger: 0,
});

// A failed handshake throws nothing: send() succeeds (the message is only
// queued) and receive() waits forever, while the socket retries in the
// background. The socket's events are the only sign, so watch them.
const why = (error: Error & { code?: string; status?: number }) => error.code ?? `status ${error.status}`;
for (const type of ["handshake:error:protocol", "handshake:error:auth", "handshake:error:other"] as const) {
  client.events.on(type, (event) => {
    console.log(`client: handshake failed (${type}, ${why(event.error)}): is curveServerKey the server's public key?`);
    client.close(); // give up: this ends the pending receive() below
  });
}
client.connect("tcp://127.0.0.1:5555");

async function serveOne() {
  try {
    const [request] = await server.receive();
    console.log(`server: received "${request.toString()}" (ZeroMQ decrypted it)`);
    await server.send("World, encrypted too");
  } catch {
    // the socket was closed before any request came
  }
}
const serving = serveOne();

await client.send("Hello, encrypted"); // resolves at once: the message is queued
let answered = false;
try {
  const [reply] = await client.receive();
  console.log(`client: received "${reply.toString()}" (ZeroMQ decrypted it)`);
  console.log(`client: security mechanism ${client.securityMechanism}`);
  answered = true;
} catch {
  console.log("client: gave up waiting for the reply");
}

client.close();
server.close();
await serving;
console.log(answered ? "ok: request and reply went through CURVE" : "no reply: the client never got past the handshake");
