import * as zmq from "zeromq";

// ❌ No ZAP handler: nothing in this process binds inproc://zeromq.zap.01,
// so nobody can tell the server whether a user name and password are right.

// The server: plainServer makes it ask clients for a user name and a password.
const server = new zmq.Reply({ plainServer: true, linger: 0 });
await server.bind("tcp://127.0.0.1:5555");
async function serve() {
  for await (const [request] of server) {
    console.log(`server: ${request.toString()}`);
    await server.send("welcome");
  }
}
const serving = serve();

// A client gives up at its first failed handshake, as in the CURVE example.
async function ask(user: string, password: string) {
  const client = new zmq.Request({ plainUsername: user, plainPassword: password, linger: 0 });
  for (const type of ["handshake:error:auth", "handshake:error:protocol", "handshake:error:other"] as const) {
    client.events.on(type, (event) => {
      const error = event.error as Error & { code?: string; status?: number };
      console.log(`${user}: refused (${type}, ${error.status ?? error.code})`);
      client.close();
    });
  }
  client.connect("tcp://127.0.0.1:5555");
  await client.send(`hello from ${user}`);
  try {
    const [reply] = await client.receive();
    console.log(`${user}: got "${reply.toString()}"`);
    client.close();
  } catch {
    // closed after the refusal
  }
}

await ask("alice", "s3cret-pw");
await ask("mallory", "guess");

server.close();
await serving;
console.log("done");
