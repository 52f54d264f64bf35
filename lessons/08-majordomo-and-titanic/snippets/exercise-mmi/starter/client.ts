import { Client } from "./mdp";

const client = new Client();
// Once echo has answered, its worker is surely registered.
const reply = await client.request("echo", ["hello"]);
console.log(`client: echo → ${reply ? JSON.stringify(reply[0]) : "no reply"}`);

for (const service of ["echo", "nosuch"]) {
  const [code] = (await client.request("mmi.service", [service])) ?? ["no reply"];
  console.log(`client: mmi.service ${service} → ${code}`);
}
client.close();
