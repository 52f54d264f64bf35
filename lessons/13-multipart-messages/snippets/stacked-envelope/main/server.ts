import * as zmq from "zeromq";
import { show } from "./show";

// The server is a ROUTER too, so we see the whole stack of identities.
const server = new zmq.Router();
await server.bind("tcp://127.0.0.1:5557");

const frames = await server.receive();
console.log(`server received ${show(frames)}`);

// The envelope is everything up to and including the empty delimiter,
// however many hops it went through. Keep it, replace only the body.
const delimiter = frames.findIndex((f) => f.length === 0);
const envelope = frames.slice(0, delimiter + 1);
const body = frames.slice(delimiter + 1);
console.log(`envelope has ${envelope.length} frames, body ${show(body)}`);

await server.send([...envelope, "World"]);
server.close();
