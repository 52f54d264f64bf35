import * as zmq from "zeromq";

// Eight ordinary REQ clients, all at once. Each talks to the broker's
// front end as if it were the server.
const started = Date.now();
await Promise.all(
  Array.from({ length: 8 }, async (_, i) => {
    const client = new zmq.Request();
    client.connect("tcp://127.0.0.1:5555");
    await client.send(`request from client ${i + 1}`);
    const [reply] = await client.receive();
    console.log(`client ${i + 1} got: ${reply}`);
    client.close();
  }),
);
console.log(`8 replies in ${Date.now() - started} ms`);
