import * as zmq from "zeromq";

const attempts = 3;

/**
 * One request with a deadline. On a timeout, throw the socket away and try
 * again with a new one: a fresh REQ socket starts in the "may send" state.
 * (This is the Lazy Pirate pattern of part 4.)
 */
async function request(message: string): Promise<string | undefined> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const client = new zmq.Request({ receiveTimeout: 1000, linger: 0 });
    client.connect("tcp://127.0.0.1:5555");
    try {
      await client.send(message);
      const [reply] = await client.receive();
      return reply!.toString();
    } catch (err) {
      console.log(`client: no reply to ${message}, attempt ${attempt}/${attempts} (${(err as { code?: string }).code})`);
    } finally {
      client.close(); // linger 0: the unanswered request is dropped, the process can exit
    }
  }
  return undefined;
}

for (const message of ["request 1", "request 2"]) {
  const reply = await request(message);
  if (reply === undefined) {
    console.log(`client: no reply after ${attempts} attempts, giving up`);
    break;
  }
  console.log(`client: ${reply}`);
}
