import * as zmq from "zeromq";

const server = new zmq.Router({ linger: 0 });

// The monitor keeps a live count of connected peers.
let connected = 0;
let joined = 0;
let left = 0;
void (async () => {
  for await (const event of server.events) {
    if (event.type === "handshake") {
      joined++;
      connected++;
      console.log(`server: a peer joined, ${connected} connected`);
    }
    // TODO: a peer that goes away is never counted. Count it in `left`, take it
    // off `connected`, and print "server: a peer left, N connected".
  }
})();

await server.bind("tcp://127.0.0.1:5661");
await new Promise((resolve) => setTimeout(resolve, 3000));
server.close();
console.log(`server: ${connected} connected (${joined} joined, ${left} left)`);
