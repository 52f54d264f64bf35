import * as zmq from "zeromq";
import { logged } from "./logger";

const client = logged(new zmq.Request(), "client");
client.connect("tcp://127.0.0.1:5555");

await client.send("Hello");
await client.receive();

await client.send(["two", Buffer.from([1, 2, 3])]); // a two-frame message
await client.receive();

client.close();
