import * as zmq from "zeromq";

const attempts = 3;

/** Sends one request; on a timeout, retries with a brand-new socket. */
async function request(message: string): Promise<string> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const client = new zmq.Request({ receiveTimeout: 1000, linger: 0 });
    client.connect("tcp://127.0.0.1:5555");
    try {
      await client.send(message);
      const [reply] = await client.receive();
      return reply!.toString();
    } catch (err) {
      if ((err as { code?: string }).code !== "EAGAIN") throw err;
      console.log(`client: no reply to ${message} (attempt ${attempt}/${attempts})`);
    } finally {
      client.close();
    }
  }
  throw new Error(`no reply to ${message} after ${attempts} attempts`);
}

for (let n = 1; n <= 3; n++) {
  const reply = await request(`Hello ${n}`);
  console.log(`client: received ${reply}`);
}
