import * as zmq from "zeromq";
import { ADDRESS, ROUND_TRIPS, WARM_UP } from "./config";

// The other end: send every request straight back.
const rep = new zmq.Reply();
await rep.bind(ADDRESS);
for (let i = 0; i < WARM_UP + ROUND_TRIPS; i++) {
  const [request] = await rep.receive();
  await rep.send(request);
}
rep.close();
