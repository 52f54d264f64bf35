import * as zmq from "zeromq";
import * as net from "node:net";

// A ZAP handler (RFC 27): libzmq asks it, over inproc, whether to let a peer in.
// Without one, a PLAIN server refuses everybody (libzmq 4.3).
const zap = new zmq.Reply();
await zap.bind("inproc://zeromq.zap.01");
async function zapHandler() {
  for await (const [version, id, , , , mechanism, ...credentials] of zap) {
    let ok = true;
    if (mechanism.toString() === "PLAIN") {
      const [user, password] = credentials.map((c) => c.toString());
      ok = user === "alice" && password === "s3cret-pw";
    }
    await zap.send([version, id, ok ? "200" : "400", ok ? "OK" : "bad credentials", "", ""]);
  }
}
const authenticating = zapHandler();

// An eavesdropper: a TCP relay that forwards the bytes both ways and keeps a copy.
function eavesdrop(listenPort: number, serverPort: number) {
  const seen: Buffer[] = [];
  const relay = net.createServer((inbound) => {
    const outbound = net.connect(serverPort, "127.0.0.1");
    inbound.on("data", (chunk) => seen.push(chunk));
    outbound.on("data", (chunk) => seen.push(chunk));
    inbound.pipe(outbound).pipe(inbound);
    inbound.on("error", () => outbound.destroy());
    outbound.on("error", () => inbound.destroy());
  });
  relay.listen(listenPort, "127.0.0.1");
  return { relay, seen: () => Buffer.concat(seen) };
}

const readable = (bytes: Buffer) =>
  bytes.toString("latin1").replace(/[^\x20-\x7e]+/g, "·").slice(0, 110);

async function talk(level: string, serverOptions: object, clientOptions: object, port: number) {
  const server = new zmq.Reply({ ...serverOptions, linger: 0 });
  await server.bind(`tcp://127.0.0.1:${port}`);
  const wire = eavesdrop(port + 100, port);
  const client = new zmq.Request({ ...clientOptions, linger: 0 });
  client.connect(`tcp://127.0.0.1:${port + 100}`); // through the eavesdropper

  await client.send("card 4111 1111 1111 1111");
  const [request] = await server.receive();
  await server.send("payment accepted");
  const [reply] = await client.receive();

  const bytes = wire.seen();
  console.log(`${level}: the server got "${request.toString()}", the client got "${reply.toString()}"`);
  console.log(`  on the wire: ${readable(bytes)}`);
  console.log(`  card number readable: ${bytes.includes("4111 1111") ? "YES" : "no"}, password readable: ${bytes.includes("s3cret-pw") ? "YES" : "no"}`);

  client.close();
  server.close();
  wire.relay.close();
}

// NULL: no security at all (the default).
await talk("NULL ", {}, {}, 5555);

// PLAIN: a user name and a password, checked by the ZAP handler. In clear text!
await talk("PLAIN", { plainServer: true }, { plainUsername: "alice", plainPassword: "s3cret-pw" }, 5556);

// CURVE: the server proves who it is, and everything is encrypted.
const serverKeys = zmq.curveKeyPair();
const clientKeys = zmq.curveKeyPair();
await talk(
  "CURVE",
  { curveServer: true, curveSecretKey: serverKeys.secretKey },
  { curveServerKey: serverKeys.publicKey, curvePublicKey: clientKeys.publicKey, curveSecretKey: clientKeys.secretKey },
  5557,
);
zap.close(); // ends the ZAP handler's loop, which would keep the process alive
await authenticating;
