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
const { closeSync, openSync, writeFileSync } = require("node:fs");
process.on("disconnect", () => process.exit(0));
// "disconnect" waits for the runner to acknowledge every pipe handed over: a runner that
// died (killed, out of memory) never will. Its death re-parents this process: exit then too.
const runnerPid = process.ppid;
setInterval(() => { if (process.ppid !== runnerPid) process.exit(0); }, 1000).unref();
process.on("message", (msg) => {
  if (!msg || msg.type !== "spawn") return;
  const inputs = msg.inputs || [];
  for (const input of inputs) msg.options.stdio[input.fd] = "pipe";
  const opened = [];
  let child;
  try {
    for (const file of msg.files || []) opened.push((msg.options.stdio[file.fd] = openSync(file.path, "r")));
    child = spawn(msg.command, msg.args, msg.options);
  } catch (error) {
    process.send({ type: "error", id: msg.id, message: String(error && error.message) });
    return;
  } finally {
    // The child has its own copies now.
    for (const fd of opened) closeSync(fd);
  }
  child.on("error", (error) => process.send({ type: "error", id: msg.id, message: String(error.message) }));
  if (child.pid === undefined) return;
  const fds = [];
  msg.options.stdio.forEach((kind, fd) => { if (kind === "pipe" && !inputs.some((input) => input.fd === fd)) fds.push(fd); });
  // Node starts reading a child's pipe at once, into the stream's buffer; a pipe handed over
  // later (handles go one at a time, each acknowledged by a busy runner) would leave what was
  // read here behind: a warm process's "ready" line, lost, and the sandbox never counts as booted.
  // Stopping the read now, before the event loop polls, leaves every byte in the pipe for the runner.
  for (const fd of fds) {
    const handle = child.stdio[fd] && child.stdio[fd]._handle;
    if (handle && handle.reading !== false) { handle.reading = false; handle.readStop(); }
  }
  // Join the control groups before the child reads its input: bubblewrap waits
  // for its options there, so everything it starts is inside them.
  for (const path of msg.cgroupProcs) {
    try { writeFileSync(path, String(child.pid)); } catch {}
  }
  for (const input of inputs) {
    const stream = child.stdio[input.fd];
    stream.on("error", () => {});
    stream.end(input.data);
  }
  process.send({ type: "spawned", id: msg.id, pid: child.pid, fds });
  for (const fd of fds) {
    child.stdio[fd].pause();
    process.send({ type: "fd", id: msg.id, fd }, child.stdio[fd]);
  }
  child.on("exit", (code, signal) => process.send({ type: "exit", id: msg.id, code, signal }));
});
`;

/** A file opened for one of the child's fds, by the Spawner as it starts the child. */
export interface SpawnFile {
  fd: number;
  path: string;
}

/** Text for one of the child's fds. */
export interface SpawnInput {
  fd: number;
  data: string;
}

export interface SpawnRequest {
  command: string;
  args: string[];
  options: { stdio: StdioOptions; env: Record<string, string | undefined>; cwd?: string; uid?: number; gid?: number; detached?: boolean };
  /** Data written to each of these fds (pipes the child gets), then closed: bubblewrap's --args. */
  inputs?: SpawnInput[];
  /** Files the child gets open for reading at these fds: bubblewrap's --seccomp. */
  files?: SpawnFile[];
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
  timer: NodeJS.Timeout;
}

/** How long a sandbox's process and pipes may take to arrive from the spawner (a loaded machine takes a second or two). */
const HANDOVER_MS = 20_000;

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
      // A hand-over that never completes must not hold its caller (the warm pool) for good.
      const timer = setTimeout(() => this.fail(id, `the sandbox was not handed over within ${HANDOVER_MS / 1000} s`), HANDOVER_MS);
      timer.unref();
      this.pending.set(id, { resolve, reject, fds: [], timer });
      child.send({ type: "spawn", id, ...request });
    });
  }

  /** Ends a launch in flight: its process is killed, its caller gets the error. */
  private fail(id: number, message: string) {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.process?.kill("SIGKILL");
    for (const socket of pending.process?.stdio ?? []) socket?.destroy();
    console.error(`runner: ${message}`);
    pending.reject(new Error(message));
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
      for (const pending of this.pending.values()) {
        clearTimeout(pending.timer);
        pending.reject(new Error("the sandbox launcher exited"));
      }
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
          clearTimeout(pending.timer);
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
        if (!pending?.process) return;
        // Node delivers the message without its handle when the pipe could not be passed.
        if (!handle) return this.fail(message.id, `pipe ${message.fd} of a sandbox did not arrive`);
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
      clearTimeout(pending.timer);
      pending.resolve(process);
    }
  }
}

type SpawnerMessage =
  | { type: "error"; id: number; message: string }
  | { type: "spawned"; id: number; pid: number; fds: number[] }
  | { type: "fd"; id: number; fd: number }
  | { type: "exit"; id: number; code: number | null; signal: string | null };
