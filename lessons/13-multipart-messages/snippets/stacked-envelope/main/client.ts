import * as zmq from "zeromq";
import { show } from "./show";

// A readable identity, so the stacked envelope is easy to read.
const client = new zmq.Request({ routingId: "client-1" });
client.connect("tcp://127.0.0.1:5555"); // the edge broker

await client.send("Hello");
const reply = await client.receive();
console.log(`client code sees ${show(reply)}`);
client.close();
