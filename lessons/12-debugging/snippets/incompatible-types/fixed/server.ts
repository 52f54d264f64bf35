import * as zmq from "zeromq";
import { watch } from "./events";

const server = new zmq.Reply({ receiveTimeout: 1000 });
watch(server, "server");
await server.bind("tcp://127.0.0.1:5555");

try {
  const [request] = await server.receive();
  console.log(`server: received ${request.toString()}`);
  await server.send("World");
} catch {
  console.log("server: no request within 1 s");
}
server.close();
