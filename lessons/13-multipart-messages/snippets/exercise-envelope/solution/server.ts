import * as zmq from "zeromq";
import { show } from "./show";

const server = new zmq.Router();
await server.bind("tcp://127.0.0.1:5556");

const frames = await server.receive();
console.log(`server received ${show(frames)}`);

// The envelope is every frame up to and including the empty delimiter,
// however many hops put identities into it.
const delimiter = frames.findIndex((frame) => frame.length === 0);
const envelope = frames.slice(0, delimiter + 1);
await server.send([...envelope, "World"]);
console.log("server replied");
server.close();
