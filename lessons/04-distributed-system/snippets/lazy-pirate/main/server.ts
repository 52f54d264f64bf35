import * as zmq from "zeromq";

// A flaky server. It is a ROUTER so that it can *ignore* a request, which a
// REP socket cannot do: the first copy of request 3 is simply lost.
const server = new zmq.Router({ linger: 0 });
await server.bind("tcp://127.0.0.1:5555");

const answered = new Set<string>();
let lostOne = false;
for await (const [client, empty, request] of server) {
  const text = request.toString();
  if (text === "request 3" && !lostOne) {
    lostOne = true;
    console.log(`lost ${text} (no reply)`);
    continue;
  }
  console.log(`answering ${text}`);
  await server.send([client, empty, `reply to ${text}`]);
  answered.add(text);
  if (answered.size === 5) break;
}
server.close();
