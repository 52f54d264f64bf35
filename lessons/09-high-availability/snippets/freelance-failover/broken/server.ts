import * as zmq from "zeromq";

// A Freelance server: a plain REP that answers every request. No broker, no
// peer: each server knows nothing of the others.
export async function serve(name: string, address: string, crashAfter = Infinity) {
  const socket = new zmq.Reply({ linger: 0 });
  await socket.bind(address);
  console.log(`${name}: ready on ${address}`);
  let answered = 0;
  for await (const [request] of socket) {
    await socket.send(`${request} answered by ${name}`);
    if (`${request}` === "bye") break; // not part of the pattern: lets the run end
    if (++answered === crashAfter) {
      console.log(`${name}: crash! after ${answered} requests`);
      break;
    }
  }
  socket.close();
  if (answered !== crashAfter) console.log(`${name}: bye after ${answered} requests`);
}
