import * as zmq from "zeromq";

// A Freelance model 2 server: a REP that answers [sequence, body] with
// [sequence, reply], so that the client can tell which request a reply is for.
export async function serve(name: string, address: string, crashAfter = Infinity) {
  const socket = new zmq.Reply({ linger: 0 });
  await socket.bind(address);
  console.log(`${name}: ready on ${address}`);
  let answered = 0;
  for await (const [sequence, body] of socket) {
    await socket.send([sequence, `${body} answered by ${name}`]);
    if (`${body}` === "bye") break; // not part of the pattern: lets the run end
    if (++answered === crashAfter) {
      console.log(`${name}: crash! after ${answered} requests`);
      break;
    }
  }
  socket.close();
  if (answered !== crashAfter) console.log(`${name}: bye after ${answered} requests`);
}
