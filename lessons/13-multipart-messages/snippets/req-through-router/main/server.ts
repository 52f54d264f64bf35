import * as zmq from "zeromq";
import { show } from "./show";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5556");

// REP takes everything up to and including the empty delimiter off the
// request, keeps it, and puts it back in front of the reply.
const request = await server.receive();
console.log(`server code sees ${show(request)}`);
await server.send("World");
server.close();
