import { Client } from "./mdp";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Three requests for Titanic; then ask for the replies for up to 30 s.
const client = new Client();
const uuids: string[] = [];
for (const text of ["one", "two", "three"]) {
  const [status, uuid = ""] = (await client.request("titanic.request", ["echo", text])) ?? [];
  if (status !== "200") throw new Error(`titanic.request failed: ${status}`);
  uuids.push(uuid);
  console.log(`client: "${text}" stored as ${uuid.slice(0, 8)}…`);
}

const deadline = Date.now() + 30_000;
while (uuids.length > 0 && Date.now() < deadline) {
  const uuid = uuids[0]!;
  const [code, ...reply] = (await client.request("titanic.reply", [uuid])) ?? ["no answer"];
  if (code === "200") {
    console.log(`client: ${uuid.slice(0, 8)}… → ${JSON.stringify(reply[0])}`);
    await client.request("titanic.close", [uuid]);
    uuids.shift();
  } else {
    console.log(`client: ${uuid.slice(0, 8)}… → ${code}`);
    await sleep(1000);
  }
}
client.close();
console.log(uuids.length === 0 ? "client: all 3 replies" : `client: gave up, ${uuids.length} replies missing`);
