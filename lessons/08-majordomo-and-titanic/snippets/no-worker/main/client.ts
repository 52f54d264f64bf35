import { Client } from "./mdp";

const client = new Client();
// mmi.service: the broker itself answers, "200" if the service has a worker, else "404".
const lookup = async (service: string) => (await client.request("mmi.service", [service]))?.[0];

console.log(`client: mmi.service echo → ${await lookup("echo")}`);
console.log("client: asking echo anyway, waiting up to 5 s");
const reply = await client.request("echo", ["hello"], 5000);
console.log(`client: echo → ${reply ? JSON.stringify(reply[0]) : "no reply"}`);
console.log(`client: mmi.service echo → ${await lookup("echo")}`);
client.close();
