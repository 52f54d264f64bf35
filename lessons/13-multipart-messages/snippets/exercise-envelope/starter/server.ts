import * as zmq from "zeromq";
import { show } from "./show";

const server = new zmq.Router();
await server.bind("tcp://127.0.0.1:5556");

const frames = await server.receive();
console.log(`server received ${show(frames)}`);

// Written for clients that connect directly: [identity, "", body].
const [identity] = frames;
await server.send([identity, "", "World"]);
console.log("server replied");
server.close();
