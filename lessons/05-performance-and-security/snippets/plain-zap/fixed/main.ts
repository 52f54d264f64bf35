import * as zmq from "zeromq";

// The users this server knows. (A real server keeps hashes, not passwords.)
const users = new Map([["alice", "s3cret-pw"]]);

// The ZAP handler: a REP socket on this exact inproc address, in the same
// process (the same context) as the server. libzmq sends it one request per
// connecting client and obeys the status code of the reply.
const zap = new zmq.Reply();
await zap.bind("inproc://zeromq.zap.01");
async function authenticate() {
  for await (const [version, requestId, domain, address, identity, mechanism, ...credentials] of zap) {
    const [user, password] = credentials.map((frame) => frame.toString());
    const ok = mechanism.toString() === "PLAIN" && users.get(user) === password;
    console.log(`zap: ${mechanism} user "${user}" from ${address} → ${ok ? "200 OK" : "400 refused"}`);
    // version, request id, status code, status text, user id, metadata
    await zap.send([version, requestId, ok ? "200" : "400", ok ? "OK" : "wrong user or password", ok ? user : "", ""]);
  }
}
const authenticating = authenticate();

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
zap.close();
await Promise.all([serving, authenticating]);
console.log("done");
