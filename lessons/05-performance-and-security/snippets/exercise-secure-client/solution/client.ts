import * as zmq from "zeromq";
import { existsSync, readFileSync } from "node:fs";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The server's public key, from the file the server wrote.
while (!existsSync("server.pub")) await sleep(20);
const serverPublicKey = readFileSync("server.pub", "utf8");

// The client's own key pair: any will do, this server checks no client keys.
const clientKeys = zmq.curveKeyPair();
const client = new zmq.Request({
  curveServerKey: serverPublicKey, // who we expect to talk to
  curvePublicKey: clientKeys.publicKey,
  curveSecretKey: clientKeys.secretKey,
  receiveTimeout: 2000,
  linger: 0,
});
client.connect("tcp://127.0.0.1:5555");

await client.send("hello, secure server");
try {
  const [reply] = await client.receive();
  console.log(`client: received "${reply.toString()}"`);
} catch {
  console.log("client: no reply within 2 s");
  process.exitCode = 1;
}
client.close();
