import { Client } from "./mdp";

const client = new Client();
const reply = await client.request("echo", ["hello"], 2000);
client.close();
if (reply) console.log(`client: echo → ${JSON.stringify(reply[0])}`);
else {
  console.log("client: no reply from echo in 2 s, giving up");
  process.exitCode = 1;
}
