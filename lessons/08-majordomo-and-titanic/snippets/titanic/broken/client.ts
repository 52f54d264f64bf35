import { Client } from "./mdp";

// A plain Majordomo client: it waits 1 s for a reply, then gives up.
const client = new Client();
const reply = await client.request("echo", ["hello"], 1000);
client.close();
if (reply) console.log(`client: echo → ${JSON.stringify(reply[0])}`);
else {
  console.log("client: no reply from echo in 1 s, giving up");
  process.exitCode = 1;
}
