import * as zmq from "zeromq";
import { show } from "./show";

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");

await client.send("Hello");          // REQ adds an empty delimiter in front
const reply = await client.receive(); // ...and removes it from the reply
console.log(`client code sees ${show(reply)}`);
client.close();
