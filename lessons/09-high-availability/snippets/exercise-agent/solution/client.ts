import { FreelanceAgent } from "./agent";

const REQUESTS = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The application only sees request() → Promise: the agent does the rest.
const agent = new FreelanceAgent(["tcp://127.0.0.1:5555", "tcp://127.0.0.1:5556"]);
let replies = 0;
for (let n = 1; n <= REQUESTS; n++) {
  try {
    console.log(await agent.request(`request ${n}`));
    replies++;
  } catch (err) {
    console.log(`request ${n} failed: ${(err as Error).message}, giving up`);
    break;
  }
  await sleep(200);
}
await agent.stopServers();
await sleep(200);
agent.close();
console.log(`${replies}/${REQUESTS} replies`);
