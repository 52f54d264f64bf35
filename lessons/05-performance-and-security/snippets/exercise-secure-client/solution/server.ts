import * as zmq from "zeromq";
import { renameSync, writeFileSync } from "node:fs";

// The server's long-term key pair. It hands out its PUBLIC key (here in a
// file the client can read); the secret key never leaves this process.
const keys = zmq.curveKeyPair();
writeFileSync("server.pub.tmp", keys.publicKey);
renameSync("server.pub.tmp", "server.pub"); // so that nobody reads half a file

// Only CURVE clients get in. It waits 3.5 s for one, then gives up.
const server = new zmq.Reply({ curveServer: true, curveSecretKey: keys.secretKey, receiveTimeout: 3500, linger: 0 });
await server.bind("tcp://127.0.0.1:5555");
console.log("server: CURVE on, public key in server.pub");

// Print the first failed handshake, if any.
let refused = false;
for (const type of ["handshake:error:protocol", "handshake:error:other"] as const) {
  server.events.on(type, (event) => {
    if (!refused) console.log(`server: a client failed the handshake (${type}, ${event.error.code})`);
    refused = true;
  });
}

try {
  const [request] = await server.receive();
  console.log(`server: received "${request.toString()}"`);
  await server.send("hello, secure client");
} catch {
  console.log("server: no client got through");
}
server.close();
