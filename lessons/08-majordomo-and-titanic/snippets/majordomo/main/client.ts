import { Client } from "./mdp";

// The client names a service, not a worker: the broker finds one.
const client = new Client();
const requests = [["echo", "hello"], ["upper", "hello"], ["echo", "bye"]];
for (const [service, text] of requests) {
  const reply = await client.request(service!, [text!]);
  console.log(`client: ${service} "${text}" → ${reply ? JSON.stringify(reply[0]) : "no reply"}`);
}
client.close();
console.log("client: 3 replies from 2 services");
