import * as zmq from "zeromq";

// receiveTimeout: a lost reply is no longer a silent hang...
const client = new zmq.Request({ receiveTimeout: 1000, linger: 0 });
client.connect("tcp://127.0.0.1:5555");

for (const request of ["request 1", "request 2"]) {
  await client.send(request);
  try {
    const [reply] = await client.receive();
    console.log(`client: ${reply.toString()}`);
  } catch (err) {
    console.log(`client: no reply to ${request} (${(err as { code?: string }).code})`);
    // ...but the socket is still waiting for that reply. A REQ socket may
    // not send again before it has received: this send() never settles.
    console.log(`client: sending ${request} again on the same socket`);
    await client.send(request);
    console.log("client: this line is never printed");
  }
}
client.close();
