/**
 * One place for a process's settings: defaults, overridden by environment
 * variables, overridden by --flags on the command line. Checked once, at
 * start: a bad value stops the process with a message, before any socket.
 */
export interface Config {
  name: string;
  connect: string;
  timeoutMs: number;
}

const DEFAULTS = { connect: "tcp://127.0.0.1:5631", timeoutMs: 1000 };

export class ConfigError extends Error {}

export function loadConfig(argv = process.argv.slice(2), env = process.env): Config {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!match) throw new ConfigError(`unexpected argument "${arg}" (expected --name=value)`);
    flags.set(match[1], match[2]);
  }
  // The sandbox passes only a few variables (RUNNER_PROCESS_NAME is one of
  // them); ZMQ_CONNECT and ZMQ_TIMEOUT_MS are what a container would set.
  const name = env.RUNNER_PROCESS_NAME ?? "client";
  const connect = flags.get("connect") ?? env.ZMQ_CONNECT ?? DEFAULTS.connect;
  const timeout = flags.get("timeout-ms") ?? env.ZMQ_TIMEOUT_MS ?? String(DEFAULTS.timeoutMs);

  if (!/^(tcp:\/\/[^:\s]+:\d{1,5}|ipc:\/\/\S+|inproc:\/\/\S+)$/.test(connect)) {
    throw new ConfigError(`--connect must look like tcp://host:port, got "${connect}"`);
  }
  const timeoutMs = Number(timeout);
  if (!/^\d+$/.test(timeout) || timeoutMs < 1 || timeoutMs > 60_000) {
    throw new ConfigError(`--timeout-ms must be a whole number of milliseconds from 1 to 60000, got "${timeout}"`);
  }
  return { name, connect, timeoutMs };
}
