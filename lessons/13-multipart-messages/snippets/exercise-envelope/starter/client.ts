import * as zmq from "zeromq";

const client = new zmq.Request({ routingId: "client-1", receiveTimeout: 1500 });
client.connect("tcp://127.0.0.1:5555"); // the broker, not the server

await client.send("Hello");
try {
  const [reply] = await client.receive();
  console.log(`client got "${reply.toString()}"`);
} catch {
  console.log("no reply after 1500 ms");
  process.exitCode = 1;
}
client.close();
