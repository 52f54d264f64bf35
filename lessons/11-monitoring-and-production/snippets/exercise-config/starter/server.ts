import * as zmq from "zeromq";

// Answers pings; stops after 1.5 s without one.
const server = new zmq.Reply({ receiveTimeout: 1500, linger: 0 });
await server.bind("tcp://127.0.0.1:5631");
try {
  for (;;) {
    await server.receive();
    await server.send("pong");
  }
} catch {
  server.close();
  console.log("server: idle for 1.5 s, stopping");
}
