import * as zmq from "zeromq";
import { BROKER, CLIENT, show } from "./mdp";

// A client by hand, without the client API.
const socket = new zmq.Dealer({ linger: 0, receiveTimeout: 2000 });
socket.connect(BROKER);

// TODO: this is not what the broker expects from a client.
const request = ["echo", "hello"];
await socket.send(request);
console.log(`client: sent ${show(request)}`);

try {
  const reply = await socket.receive();
  console.log(`client: got ${show(reply)}`);
  console.log(`client: echo → ${JSON.stringify(reply.at(-1)!.toString())}`);
} catch {
  console.log("client: no reply in 2 s, giving up");
  process.exitCode = 1;
}
socket.close();
