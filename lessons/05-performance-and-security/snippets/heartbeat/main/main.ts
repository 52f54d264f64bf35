import * as zmq from "zeromq";
import * as net from "node:net";

// A TCP relay we can freeze: the connection stays open but no byte gets through,
// as when the peer's machine loses power or a firewall silently drops packets.
function freezableRelay(listenPort: number, targetPort: number) {
  const sockets: net.Socket[] = [];
  const server = net.createServer((inbound) => {
    const outbound = net.connect(targetPort, "127.0.0.1");
    inbound.pipe(outbound).pipe(inbound);
    for (const s of [inbound, outbound]) s.on("error", () => {});
    sockets.push(inbound, outbound);
  });
  server.listen(listenPort, "127.0.0.1");
  return {
    freeze: () => sockets.forEach((s) => { s.unpipe(); s.pause(); }),
    close: () => { sockets.forEach((s) => s.destroy()); server.close(); },
  };
}

async function trial(label: string, options: { heartbeatInterval?: number; heartbeatTimeout?: number }, port: number) {
  const server = new zmq.Router({ ...options, linger: 0 });
  await server.bind(`tcp://127.0.0.1:${port}`);
  const relay = freezableRelay(port + 100, port);
  const client = new zmq.Dealer({ ...options, linger: 0 });
  client.connect(`tcp://127.0.0.1:${port + 100}`);
  await client.send("hello");
  await server.receive(); // the connection works

  relay.freeze();
  const frozenAt = Date.now();
  const verdict = await new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve("still \"connected\" after 1500 ms: nothing noticed"), 1500);
    client.events.on("disconnect", () => {
      clearTimeout(timer);
      resolve(`disconnect event after ${Date.now() - frozenAt} ms: the client will reconnect`);
    });
  });
  console.log(`${label.padEnd(30)} ${verdict}`);
  client.close();
  server.close();
  relay.close();
}

await trial("no heartbeats (the default):", {}, 5555);
// ZMTP heartbeats: a PING every 200 ms; no traffic for 600 ms means the peer is gone.
await trial("heartbeatInterval 200 ms:", { heartbeatInterval: 200, heartbeatTimeout: 600 }, 5556);
