import * as zmq from "zeromq";
import { ConfigError, loadConfig, type Config } from "./config";

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.log(`${process.env.RUNNER_PROCESS_NAME}: config error: ${err.message}`);
  process.exit(2); // 2: a usage error, not a crash
}
const { name, connect, timeoutMs } = config;
console.log(`${name}: config ${JSON.stringify(config)}`);

// A startup check: within timeoutMs, the socket must complete a handshake with
// a peer. The events say why not: connect:retry means nobody listens there.
const client = new zmq.Request({ receiveTimeout: timeoutMs, linger: 0 });
let retries = 0;
const ready = new Promise<boolean>((resolve) => {
  const timer = setTimeout(() => resolve(false), timeoutMs);
  client.events.on("connect:retry", () => retries++);
  client.events.on("handshake", () => {
    clearTimeout(timer);
    resolve(true);
  });
});
client.connect(connect);
if (!(await ready)) {
  console.log(`${name}: no handshake with ${connect} within ${timeoutMs} ms (${retries} connect:retry): is --connect right?`);
  client.close();
  process.exit(1);
}

await client.send("ping");
const [reply] = await client.receive();
console.log(`${name}: got "${reply}" within ${timeoutMs} ms`);
client.close();
