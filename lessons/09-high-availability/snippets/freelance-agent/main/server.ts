import * as zmq from "zeromq";

// A Freelance model 3 server: a ROUTER whose routing id is its own address,
// so that a client's ROUTER can send to it by name. It answers PING with
// PONG, and a request [sequence, body] with [sequence, reply].
export async function serve(name: string, address: string, crashAfter = Infinity) {
  const socket = new zmq.Router({ routingId: address, linger: 0 });
  await socket.bind(address);
  console.log(`${name}: ready on ${address}`);
  let answered = 0;
  for await (const [client, first, body] of socket) {
    if (`${first}` === "PING") {
      await socket.send([client, "PONG"]);
      continue;
    }
    if (`${body}` === "bye") break; // not part of the pattern: lets the run end
    await socket.send([client, first, `${body} answered by ${name}`]);
    if (++answered === crashAfter) {
      console.log(`${name}: crash! after ${answered} requests`);
      break;
    }
  }
  socket.close();
  if (answered !== crashAfter) console.log(`${name}: bye after ${answered} requests`);
}
