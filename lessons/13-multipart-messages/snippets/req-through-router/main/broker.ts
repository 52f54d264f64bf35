import * as zmq from "zeromq";
import { show } from "./show";

const frontend = new zmq.Router(); // clients connect here
await frontend.bind("tcp://127.0.0.1:5555");
const backend = new zmq.Dealer(); // passes frames on exactly as they are
backend.connect("tcp://127.0.0.1:5556");

// One request and its reply, forwarded by hand so we can print them.
const request = await frontend.receive();
console.log(`request in, ${show(request)}`);
await backend.send(request);

const reply = await backend.receive();
console.log(`reply in, ${show(reply)}`);
await frontend.send(reply); // the ROUTER pops the identity and routes on it

frontend.close();
backend.close();
