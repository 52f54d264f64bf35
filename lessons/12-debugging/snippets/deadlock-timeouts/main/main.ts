import * as zmq from "zeromq";

// The same two mistakes as above, with timeouts: a silent hang becomes an error with a code.
function outcome(who: string, call: Promise<unknown>, started: number) {
  return call.then(
    () => console.log(`  ${who}: succeeded`),
    (err: { code?: string }) => console.log(`  ${who}: gave up after ${((Date.now() - started) / 1000).toFixed(1)} s with ${err.code}`),
  );
}

async function scenario(title: string, port: number, serverFirst: "send" | "receive") {
  console.log(title);
  const server = new zmq.Reply({ receiveTimeout: 1000, sendTimeout: 1000, linger: 0 });
  const client = new zmq.Request({ receiveTimeout: 1000, linger: 0 });
  await server.bind(`tcp://127.0.0.1:${port}`);
  client.connect(`tcp://127.0.0.1:${port}`);

  const started = Date.now();
  await Promise.all([
    serverFirst === "send"
      ? outcome("REP server, send() first", server.send("Hello"), started)
      : outcome("REP server, receive() first", server.receive(), started),
    outcome("REQ client, receive() first", client.receive(), started),
  ]);
  server.close();
  client.close();
}

await scenario("1. Both sides receive first (the deadlock above):", 5555, "receive");
await scenario("2. The article's order: REP sends first, REQ receives first:", 5556, "send");
