import { fork, type ChildProcess, type StdioOptions } from "node:child_process";
import { EventEmitter } from "node:events";
import type { Socket } from "node:net";

/**
 * Starting a process from a big process is slow: fork() copies the parent's
 * page tables, ~15 ms from a site server of a few hundred MB against ~1.5 ms
 * from a fresh Node. So sandboxes are started by this small helper process,
 * which hands the pipes back over its IPC channel (file descriptor passing).
 * It exits when the runner goes away, and its sandboxes die with it
 * (bubblewrap's --die-with-parent).
 */
export const SPAWNER_SCRIPT = `"use strict";
const { spawn } = require("node:child_process");
const { writeFileSync } = require("node:fs");
process.on("disconnect", () => process.exit(0));
process.on("message", (msg) => {
  if (!msg || msg.type !== "spawn") return;
  const inputs = msg.inputs || [];
  for (const input of inputs) msg.options.stdio[input.fd] = "pipe";
  let child;
  try {
    child = spawn(msg.command, msg.args, msg.options);
  } catch (error) {
    process.send({ type: "error", id: msg.id, message: String(error && error.message) });
    return;
  }
  child.on("error", (error) => process.send({ type: "error", id: msg.id, message: String(error.message) }));
  if (child.pid === undefined) return;
  // Join the control groups before the child reads its input: bubblewrap waits
  // for its options there, so everything it starts is inside them.
  for (const path of msg.cgroupProcs) {
    try { writeFileSync(path, String(child.pid)); } catch {}
  }
  for (const input of inputs) {
    const stream = child.stdio[input.fd];
    stream.on("error", () => {});
    stream.end(Buffer.from(input.data, input.encoding || "utf8"));
  }
  const fds = [];
  msg.options.stdio.forEach((kind, fd) => { if (kind === "pipe" && !inputs.some((input) => input.fd === fd)) fds.push(fd); });
  process.send({ type: "spawned", id: msg.id, pid: child.pid, fds });
  for (const fd of fds) {
    child.stdio[fd].pause();
    process.send({ type: "fd", id: msg.id, fd }, child.stdio[fd]);
  }
  child.on("exit", (code, signal) => process.send({ type: "exit", id: msg.id, code, signal }));
});
`;

/** Data for one of the child's fds; binary goes over the IPC channel as base64. */
export interface SpawnInput {
  fd: number;
  data: string;
  encoding?: "utf8" | "base64";
}

export interface SpawnRequest {
  command: string;
  args: string[];
  options: { stdio: StdioOptions; env: Record<string, string | undefined>; cwd?: string; uid?: number; gid?: number; detached?: boolean };
  /** Data written to each of these fds (pipes the child gets), then closed: bubblewrap's --args, --seccomp. */
  inputs?: SpawnInput[];
  /** cgroup.procs files the process joins before it reads its input. */
  cgroupProcs: string[];
}

/** The part of a ChildProcess the sandbox uses: pid, pipes, kill and "close". */
export class SpawnedProcess extends EventEmitter {
  readonly stdio: (Socket | null)[] = [];
  private openPipes = 0;
  private exited = false;

  constructor(readonly pid: number) {
    super();
  }

  kill(signal: NodeJS.Signals) {
    try {
      process.kill(this.pid, signal);
    } catch {
      // already gone
    }
  }

  /** @internal */
  addPipe(fd: number, socket: Socket) {
    this.stdio[fd] = socket;
    this.openPipes++;
    socket.once("close", () => {
      this.openPipes--;
      this.maybeClose();
    });
  }

  /** @internal */
  markExited() {
    this.exited = true;
    this.maybeClose();
  }

  private maybeClose() {
    // Like ChildProcess: "close" once the process has exited and every pipe is drained.
    if (this.exited && this.openPipes === 0) this.emit("close");
  }
}

interface Pending {
  resolve: (process: SpawnedProcess) => void;
  reject: (error: Error) => void;
  process?: SpawnedProcess;
  fds: number[];
}

export class Spawner {
  private child: ChildProcess | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly live = new Map<number, SpawnedProcess>();

  constructor(private readonly scriptPath: string) {}

  spawn(request: SpawnRequest): Promise<SpawnedProcess> {
    const child = this.ensureStarted();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, fds: [] });
      child.send({ type: "spawn", id, ...request });
    });
  }

  close() {
    this.child?.kill("SIGKILL");
    this.child = undefined;
  }

  private ensureStarted(): ChildProcess {
    if (this.child?.connected) return this.child;
    const child = fork(this.scriptPath, [], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      execArgv: [],
      env: { PATH: process.env.PATH } as unknown as NodeJS.ProcessEnv,
    });
    child.on("message", (message: SpawnerMessage, handle?: Socket) => this.onMessage(message, handle));
    child.on("exit", () => {
      if (this.child === child) this.child = undefined;
      // Its sandboxes died with it: report them gone, fail launches in flight.
      for (const [id, pending] of this.pending) pending.reject(new Error("the sandbox launcher exited"));
      this.pending.clear();
      for (const process of this.live.values()) process.markExited();
      this.live.clear();
    });
    child.unref();
    (child as unknown as { channel?: { unref(): void } }).channel?.unref();
    this.child = child;
    return child;
  }

  private onMessage(message: SpawnerMessage, handle?: Socket) {
    const pending = this.pending.get(message.id);
    switch (message.type) {
      case "error":
        if (pending) {
          this.pending.delete(message.id);
          pending.reject(new Error(message.message));
        }
        return;
      case "spawned": {
        if (!pending) return;
        pending.process = new SpawnedProcess(message.pid);
        pending.fds = message.fds;
        this.live.set(message.id, pending.process);
        this.settle(message.id, pending);
        return;
      }
      case "fd":
        if (!pending?.process || !handle) return;
        pending.process.addPipe(message.fd, handle);
        this.settle(message.id, pending);
        return;
      case "exit": {
        const process = this.live.get(message.id);
        this.live.delete(message.id);
        process?.markExited();
      }
    }
  }

  private settle(id: number, pending: Pending) {
    const process = pending.process!;
    if (pending.fds.every((fd) => process.stdio[fd])) {
      this.pending.delete(id);
      pending.resolve(process);
    }
  }
}

type SpawnerMessage =
  | { type: "error"; id: number; message: string }
  | { type: "spawned"; id: number; pid: number; fds: number[] }
  | { type: "fd"; id: number; fd: number }
  | { type: "exit"; id: number; code: number | null; signal: string | null };
