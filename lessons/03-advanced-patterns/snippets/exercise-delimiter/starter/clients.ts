import * as zmq from "zeromq";

// Three REQ clients, each with its own routingId. Nothing to change here.
await Promise.all(
  ["ana", "ben", "cleo"].map(async (name) => {
    const client = new zmq.Request({ routingId: name });
    client.connect("tcp://127.0.0.1:5555");
    await client.send(`I am ${name}`);
    const [reply] = await client.receive();
    console.log(`${name} got: ${reply}`);
    client.close();
  }),
);
console.log("all 3 clients have their reply");
