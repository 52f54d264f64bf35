import { Client } from "./mdp";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// 1. Hand the request to Titanic: it answers at once, with a UUID.
let client = new Client();
const [status, uuid = ""] = (await client.request("titanic.request", ["echo", "hello"])) ?? [];
if (status !== "200") throw new Error(`titanic.request failed: ${status}`);
console.log(`client: request stored as ${uuid.slice(0, 8)}…, going away`);
client.close();

// 2. Be gone for a while: no socket, no connection, nothing waits on us.
await sleep(1000);

// 3. Come back with a new socket and ask for the reply until it is there.
client = new Client();
for (let attempt = 1; attempt <= 20; attempt++) {
  const [code, ...reply] = (await client.request("titanic.reply", [uuid])) ?? ["no answer"];
  if (code === "200") {
    console.log(`client: reply → ${JSON.stringify(reply[0])}`);
    // 4. Tell Titanic it may forget the request and its reply.
    await client.request("titanic.close", [uuid]);
    console.log(`client: closed ${uuid.slice(0, 8)}…`);
    break;
  }
  console.log(`client: titanic.reply → ${code}, not yet`);
  await sleep(500);
}
client.close();
