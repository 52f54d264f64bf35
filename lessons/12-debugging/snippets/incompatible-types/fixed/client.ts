import * as zmq from "zeromq";
import { watch } from "./events";

// REQ is REP's partner: the handshake succeeds.
const client = new zmq.Request({ linger: 0 });
watch(client, "client");
client.connect("tcp://127.0.0.1:5555");

await client.send("Hello");
console.log("client: send() resolved, Hello is queued");

const [reply] = await client.receive();
console.log(`client: received ${reply.toString()}`);
client.close();
