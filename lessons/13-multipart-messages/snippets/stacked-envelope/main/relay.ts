import * as zmq from "zeromq";
import { show } from "./show";

// A broker hop: a ROUTER in front, a DEALER behind, one request forwarded by hand.
export async function relay(name: string, front: string, back: string) {
  const frontend = new zmq.Router();
  await frontend.bind(front);
  const backend = new zmq.Dealer({ routingId: name }); // the next ROUTER will see this name
  backend.connect(back);

  const request = await frontend.receive(); // the ROUTER pushed one identity on top
  console.log(`request in, ${show(request)}`);
  await backend.send(request);

  const reply = await backend.receive();
  console.log(`reply in, ${show(reply)}`);
  await frontend.send(reply); // the ROUTER pops the top identity and routes on it

  frontend.close();
  backend.close();
}
