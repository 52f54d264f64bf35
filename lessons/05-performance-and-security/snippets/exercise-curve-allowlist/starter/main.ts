import * as zmq from "zeromq";
import { z85encode } from "./z85";

// The server's keys, and the one client it knows.
const serverKeys = zmq.curveKeyPair();
const trustedKeys = zmq.curveKeyPair();
const allowed = new Set([trustedKeys.publicKey]); // public keys of the clients we let in

// TODO: without a ZAP handler, a CURVE server lets in ANY client that knows
// its public key, whatever the client's own key pair. Bind a ZAP handler
// (a REP socket on inproc://zeromq.zap.01) that answers "200" only for the
// public keys in `allowed`, and "400" for every other one.
// For CURVE, the request's first credential frame is the client's public
// key as 32 raw bytes: z85encode() turns it into the 40-character text.

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
await serving;
