import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { Client, Worker } from "./mdp";

// Titanic: requests and replies are files, so they outlive the client that sent them.
// /tmp is shared by every process of this run and starts empty with each run.
const DIR = "/tmp/titanic";
mkdirSync(DIR, { recursive: true });
const file = (uuid: string, kind: "req" | "rep") => `${DIR}/${uuid}.${kind}`;
const VALID = /^[0-9a-f-]{36}$/; // a UUID, and so a safe file name

// Requests on disk without a reply yet, oldest first.
function pending(): string[] {
  return readdirSync(DIR)
    .filter((name) => name.endsWith(".req") && !existsSync(`${DIR}/${name.slice(0, -4)}.rep`))
    .map((name) => ({ uuid: name.slice(0, -4), at: JSON.parse(readFileSync(`${DIR}/${name}`, "utf8")).at as number }))
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.uuid);
}
console.log(`titanic: ${pending().length} requests waiting on disk`);

// titanic.request: [service, body…] → ["200", uuid], once the request is on disk.
const request = new Worker("titanic.request").serve(([service, ...body]) => {
  const uuid = randomUUID();
  writeFileSync(file(uuid, "req"), JSON.stringify({ service, body, at: performance.timeOrigin + performance.now() }));
  console.log(`titanic: stored ${uuid.slice(0, 8)}… for ${service}`);
  return ["200", uuid];
});

// titanic.reply: [uuid] → ["200", reply…], or "300" (not yet) or "400" (unknown).
const reply = new Worker("titanic.reply").serve(([uuid = ""]) => {
  if (VALID.test(uuid) && existsSync(file(uuid, "rep"))) return ["200", ...JSON.parse(readFileSync(file(uuid, "rep"), "utf8"))];
  return VALID.test(uuid) && existsSync(file(uuid, "req")) ? ["300"] : ["400"];
});

// titanic.close: [uuid] → ["200"]; the client has its reply, forget both files.
const close = new Worker("titanic.close").serve(([uuid = ""]) => {
  if (VALID.test(uuid)) for (const kind of ["req", "rep"] as const) rmSync(file(uuid, kind), { force: true });
  return ["200"];
});

// The dispatcher: hand each stored request to its service, through the broker,
// but only when mmi.service says the service has a worker. No reply yet? Try again later.
let running = true;
const workers = Promise.all([request, reply, close]).then(() => (running = false));
const client = new Client();
while (running) {
  for (const uuid of pending()) {
    const { service, body } = JSON.parse(readFileSync(file(uuid, "req"), "utf8"));
    if ((await client.request("mmi.service", [service]))?.[0] !== "200") continue;
    const answer = await client.request(service, body, 1000);
    if (answer) {
      writeFileSync(file(uuid, "rep"), JSON.stringify(answer));
      console.log(`titanic: ${uuid.slice(0, 8)}… answered by ${service}`);
    } else console.log(`titanic: ${uuid.slice(0, 8)}… no reply from ${service}, will retry`);
  }
  await Promise.race([workers, new Promise((resolve) => setTimeout(resolve, 500))]);
}
client.close();
console.log(`titanic: stopped, ${readdirSync(DIR).filter((n) => n.endsWith(".req")).length} requests left on disk`);
