import * as zmq from "zeromq";

const TOTAL = 10;
const client = new zmq.Dealer({ receiveTimeout: 3000 });
client.connect("tcp://127.0.0.1:5555");

// A DEALER may send all ten tasks at once; answers come back as they are done.
for (let id = 1; id <= TOTAL; id++) await client.send([String(id), `task ${id}`]);

const answers = new Map<string, string>();
try {
  while (answers.size < TOTAL) {
    const [id, result] = await client.receive();
    answers.set(id.toString(), result.toString());
    console.log(`answer ${id}: ${result}`);
  }
} catch {
  // receiveTimeout: nothing for 3 s, some answers are lost
}

const missing = [];
for (let id = 1; id <= TOTAL; id++) if (!answers.has(String(id))) missing.push(id);
await client.send(["BYE"]);
client.close();
console.log(missing.length ? `${answers.size}/${TOTAL} answers, missing: ${missing.join(", ")}` : `${TOTAL}/${TOTAL} answers`);
