import * as zmq from "zeromq";
import { watch } from "./events";

// The bug: PUSH cannot talk to REP. libzmq compares the socket types during
// the ZMTP handshake and drops the connection. No error reaches this code.
const client = new zmq.Push({ linger: 0 });
watch(client, "client");
client.connect("tcp://127.0.0.1:5555");

await client.send("Hello");
console.log("client: send() resolved, Hello is queued");

await new Promise((resolve) => setTimeout(resolve, 1000)); // watch the events for a while
client.close();
console.log("client: closed; Hello was never delivered");
