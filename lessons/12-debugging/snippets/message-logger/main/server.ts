import * as zmq from "zeromq";
import { logged } from "./logger";

const server = logged(new zmq.Reply(), "server");
await server.bind("tcp://127.0.0.1:5555");

let served = 0;
for await (const [request] of server) {
  await server.send(`${request.toString()} back`);
  if (++served === 2) break;
}
server.close();
