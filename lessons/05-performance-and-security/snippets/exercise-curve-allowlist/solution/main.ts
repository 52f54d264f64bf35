import * as zmq from "zeromq";
import { z85encode } from "./z85";

// The server's keys, and the one client it knows.
const serverKeys = zmq.curveKeyPair();
const trustedKeys = zmq.curveKeyPair();
const allowed = new Set([trustedKeys.publicKey]); // public keys of the clients we let in

// The ZAP handler: libzmq asks it about every client that connects to a
// CURVE (or PLAIN) server of this process, and obeys its answer.
const zap = new zmq.Reply();
await zap.bind("inproc://zeromq.zap.01");
async function authenticate() {
  for await (const [version, requestId, , , , mechanism, credential] of zap) {
    // For CURVE, the credential is the client's public key, 32 raw bytes.
    const clientKey = mechanism.toString() === "CURVE" && credential ? z85encode(credential) : "";
    const ok = allowed.has(clientKey);
    console.log(`zap: client key ${clientKey.slice(0, 8)}… → ${ok ? "200" : "400"}`);
    await zap.send([version, requestId, ok ? "200" : "400", ok ? "OK" : "unknown client key", "", ""]);
  }
}
const authenticating = authenticate();

const server = new zmq.Reply({ curveServer: true, curveSecretKey: serverKeys.secretKey, linger: 0 });
await server.bind("tcp://127.0.0.1:5555");
async function serve() {
  for await (const [request] of server) {
    console.log(`server: ${request.toString()}`);
    await server.send("welcome");
  }
}
const serving = serve();

// A client with a given key pair; it gives up at its first failed handshake.
async function ask(name: string, keys: { publicKey: string; secretKey: string }) {
  const client = new zmq.Request({
    curveServerKey: serverKeys.publicKey,
    curvePublicKey: keys.publicKey,
    curveSecretKey: keys.secretKey,
    linger: 0,
  });
  for (const type of ["handshake:error:auth", "handshake:error:protocol", "handshake:error:other"] as const) {
    client.events.on(type, (event) => {
      const error = event.error as Error & { code?: string; status?: number };
      console.log(`${name}: refused (${type}, ${error.status ?? error.code})`);
      client.close();
    });
  }
  client.connect("tcp://127.0.0.1:5555");
  await client.send(`hello from ${name}`);
  try {
    const [reply] = await client.receive();
    console.log(`${name}: got "${reply.toString()}"`);
    client.close();
  } catch {
    // closed after the refusal
  }
}

await ask("trusted", trustedKeys);
await ask("stranger", zmq.curveKeyPair()); // keys nobody has ever seen

server.close();
zap.close();
await Promise.all([serving, authenticating]);
