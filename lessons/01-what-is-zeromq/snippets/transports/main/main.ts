import * as zmq from "zeromq";
import { resolve } from "node:path";

// The same request and reply, whatever the transport: only the address changes.
async function roundTrip(address: string) {
  const server = new zmq.Reply();
  await server.bind(address);
  const client = new zmq.Request();
  client.connect(address);

  await client.send("Hello");
  const [request] = await server.receive();
  const transport = address.split("://")[0];
  await server.send(`World over ${transport}`);
  const [reply] = await client.receive();
  console.log(`${address.padEnd(22)} ${request.toString()} → ${reply.toString()}`);

  if (transport === "ipc") {
    // A relative ipc path is relative to the working directory (here /tmp).
    const file = resolve(address.slice("ipc://".length));
    console.log(`${"".padEnd(22)} socket file: ${file}`);
  }

  client.close();
  server.close();
}

await roundTrip("inproc://hello"); // between sockets of this process, in memory
await roundTrip("ipc://hello.sock"); // between processes of this machine, through a socket file
await roundTrip("tcp://127.0.0.1:5555"); // between machines (here over loopback)
