import { randomBytes } from "node:crypto";
import type { RunnerConfig } from "./config";
import { ApiError } from "./errors";
import { RunnerMetrics } from "./metrics";
import { RateLimiter } from "./rate-limit";
import { Run, type RunSummary } from "./run";
import { SandboxHost, type SandboxStatus } from "./sandbox/launcher";
import { Scheduler } from "./scheduler";
import { TranspileCache, TranspileError } from "./transpile";
import type { CheckProvider } from "./checks";
import type { RunRequest } from "./types";

/** Ended runs kept at most, whatever their age, so memory stays bounded. */
const MAX_STORED_RUNS = 2_000;

export interface HealthReport {
  /** "draining": shutting down, finishing its runs and taking no new one (answered with 503, like "unavailable"). */
  status: "ok" | "unavailable" | "draining";
  sandbox: SandboxStatus;
  runs: {
    running: number;
    queued: number;
    /** Runs that fit at once: the concurrency cap, or what the memory budget holds at the per-process estimate. */
    slots: number;
    queueMax: number;
    /** Memory all sandboxes may hold, and what they hold now (measured, or estimated where it cannot be). */
    memoryBudgetBytes: number;
    memoryUsedBytes: number;
    /** Warm sandboxes waiting for runs, how many of them are still booting, and the pool's target. */
    warm: number;
    warmBooting: number;
    warmTarget: number;
  };
}

/** Who a run counts against: the learner (a workshop cookie, or the address) and the address it came from. */
export interface RunClient {
  key: string;
  address: string;
}

/** The pool may fill the memory budget this far; the rest is left for running runs to grow. */
const POOL_SHARE_OF_BUDGET = 0.8;
/** The kernel's memory figure is read at most this often (admission asks on every start). */
const MEMORY_READ_EVERY_MS = 100;
/** How often runs held back by computing ones are looked at again. */
const PUMP_MS = 100;

/**
 * The execution engine: accepts runs, queues them, runs them in sandboxes and
 * keeps their events for replay. Transport-free; `http.ts` puts it on HTTP.
 */
export interface RunnerOptions {
  /** Where exercise checks and lesson notes come from (the site wires in its lessons; none without). */
  checks?: CheckProvider;
  /** One JSON line per finished run (default: stdout). */
  log?: (line: Record<string, unknown>) => void;
}

export class Runner {
  readonly metrics: RunnerMetrics;
  private readonly runs = new Map<string, Run>();
  private readonly scheduler: Scheduler;
  private readonly limiter: RateLimiter;
  private readonly addressLimiter: RateLimiter;
  /** Kills and restarts, per run. */
  private readonly processActions: RateLimiter;
  /** A client's latest run of each playground, so a new Run replaces it. */
  private readonly playgrounds = new Map<string, Run>();
  private measuredMemory = { at: 0, bytes: 0 };
  private readonly sweeper: NodeJS.Timeout;
  /** Set by drain(): no new run is taken. */
  private draining = false;
  private readonly pumper: NodeJS.Timeout;
  /** A run waits because others compute: nothing else will start it when they stop. */
  private heldByComputing = false;
  private readonly transpiler = new TranspileCache();

  /** Where exercise checks come from (the site wires in its lessons). */
  checks: CheckProvider | undefined;

  constructor(
    readonly config: RunnerConfig,
    readonly host: SandboxHost,
    private readonly log: (line: Record<string, unknown>) => void = (line) => console.log(JSON.stringify(line)),
  ) {
    this.scheduler = new Scheduler(config, (run) => this.fits(run));
    this.limiter = new RateLimiter(config.ratePerMinute, config.rateBurst);
    this.addressLimiter = new RateLimiter(config.addressRatePerMinute, config.addressRateBurst);
    this.processActions = new RateLimiter(config.processActionsPerMinute, config.processActionsBurst);
    host.pool.hasRoom = (processes: number) =>
      this.memoryUsed() + processes * config.processMemoryBytes <= config.memoryBudgetBytes * POOL_SHARE_OF_BUDGET;
    this.metrics = new RunnerMetrics({
      queueLength: () => this.scheduler.queueLength,
      running: () => this.scheduler.running.size,
      memoryUsed: () => this.memoryUsed(),
      memoryBudget: () => config.memoryBudgetBytes,
      warm: () => host.poolStatus().warm,
    });
    this.sweeper = setInterval(() => this.sweep(), 1_000);
    this.sweeper.unref();
    // Runs held back while others compute start as soon as those wait or end.
    this.pumper = setInterval(() => {
      if (!this.heldByComputing) return;
      this.heldByComputing = false;
      this.scheduler.pump();
    }, PUMP_MS);
    this.pumper.unref();
  }

  static create(config: RunnerConfig, options: RunnerOptions = {}): Runner {
    const host = SandboxHost.detect(config);
    const runner = new Runner(config, host, options.log);
    runner.checks = options.checks;
    if (host.status.mode === "unsafe-no-sandbox") {
      console.warn(
        "\n" +
          "!!! RUNNER_UNSAFE_NO_SANDBOX is set: learners' code runs WITHOUT a sandbox, with this\n" +
          "!!! server's user and network. Use it only on a private development machine.\n",
      );
    } else if (!host.status.available) {
      console.warn(`runner: sandbox unavailable: ${host.status.message}`);
    }
    return runner;
  }

  health(): HealthReport {
    const pool = this.host.poolStatus();
    const { concurrency, memoryBudgetBytes, processMemoryBytes, queueMax } = this.config;
    return {
      status: this.draining ? "draining" : this.host.status.available ? "ok" : "unavailable",
      sandbox: this.host.status,
      runs: {
        running: this.scheduler.running.size,
        queued: this.scheduler.queueLength,
        slots: concurrency > 0 ? concurrency : Math.floor(memoryBudgetBytes / processMemoryBytes),
        queueMax,
        memoryBudgetBytes,
        memoryUsedBytes: this.memoryUsed(),
        warm: pool.warm,
        warmBooting: pool.booting,
        warmTarget: pool.target,
      },
    };
  }

  /**
   * Runs the host expects soon — say, a workshop's learners online — so the
   * warm pool grows before they press Run, not after.
   */
  expectRuns(expected: () => number) {
    this.host.pool.expected = expected;
  }

  /** Memory the sandboxes hold: the kernel's figure, or the estimate when that is higher (just started) or missing. */
  private memoryUsed(): number {
    const now = Date.now();
    if (now - this.measuredMemory.at >= MEMORY_READ_EVERY_MS) this.measuredMemory = { at: now, bytes: this.host.memoryBytes() };
    let processes = this.host.pool.processes();
    for (const run of this.scheduler.running) processes += run.request.processes.length;
    return Math.max(this.measuredMemory.bytes, processes * this.config.processMemoryBytes);
  }

  /** Whether `run` may start now on top of what is running: the processes a warm sandbox lacks must fit the budget. */
  private fits(run: Run): boolean {
    // Past what the cores can do, one more computing run slows every other one past its limit.
    let computing = 0;
    for (const running of this.scheduler.running) if (running.computing) computing++;
    if (computing >= this.config.busyRuns) {
      this.heldByComputing = true;
      return false;
    }
    // A warm sandbox of the run's size is already counted; otherwise its processes are new memory.
    const processes = run.request.processes.length;
    const extra = this.host.pool.has(processes) ? 0 : processes * this.config.processMemoryBytes;
    return this.memoryUsed() + extra <= this.config.memoryBudgetBytes;
  }

  get(id: string): Run | undefined {
    return this.runs.get(id);
  }

  /** Starts (queues) a validated run for `client`; throws ApiError for 429/503. */
  async submit(request: RunRequest, from: RunClient | string): Promise<Run> {
    const { key: client, address } = typeof from === "string" ? { key: from, address: from } : from;
    if (this.draining) {
      this.metrics.recordRejected("draining");
      throw new ApiError(503, "runner-draining", "This runner is shutting down and takes no new run; try again (another runner will take it).", { "Retry-After": "1" });
    }
    const status = this.host.status;
    if (!status.available) {
      this.metrics.recordRejected("sandbox-unavailable");
      throw new ApiError(503, "sandbox-unavailable", status.message ?? "The sandbox is not available on this host.");
    }
    const wait = this.limiter.take(client);
    if (wait > 0) {
      this.metrics.recordRejected("rate-limited");
      throw new ApiError(
        429,
        "rate-limited",
        `Too many runs from you; you can start another in ${wait} s.`,
        { "Retry-After": String(wait) },
      );
    }
    // Every run also counts against its address, so new cookies never mean a new budget.
    const addressWait = address === client ? 0 : this.addressLimiter.take(address);
    if (addressWait > 0) {
      this.limiter.refund(client);
      this.metrics.recordRejected("address-rate-limited");
      throw new ApiError(
        429,
        "rate-limited",
        `Too many runs from your network address; you can start another in ${addressWait} s.`,
        { "Retry-After": String(addressWait) },
      );
    }
    // A new Run of a playground replaces the same client's earlier one, as it would on a desktop.
    const playground = request.playground === undefined ? undefined : `${client}\0${request.playground}`;
    const previous = playground === undefined ? undefined : this.playgrounds.get(playground);
    if (previous && previous.state !== "ended") {
      this.scheduler.remove(previous);
      previous.finish("stopped", "Replaced by a newer run of the same playground.");
    }
    const id = randomBytes(12).toString("base64url");
    const { lesson, snippet, variant } = request;
    const check = lesson && snippet && variant ? this.checks?.({ lesson, snippet, variant }) : undefined;
    const deps = { config: this.config, host: this.host, onEnd: (summary: RunSummary) => this.ended(summary), check };
    const entries = request.processes.map((p) => p.entry);
    let run: Run;
    try {
      run = new Run(id, request, await this.transpiler.get(request.files, entries), client, deps);
    } catch (error) {
      if (!(error instanceof TranspileError)) throw error;
      run = Run.failedToCompile(id, request, error.errors, client, deps);
      this.store(run);
      return run;
    }
    try {
      this.scheduler.enqueue(run);
    } catch (error) {
      this.metrics.recordRejected(error instanceof ApiError ? error.code : "queue-full");
      throw error;
    }
    if (playground !== undefined) this.playgrounds.set(playground, run);
    this.store(run);
    return run;
  }

  /** Kills or restarts one process of a running run (POST …/processes/<name>/kill|restart); throws ApiError when refused. */
  processAction(run: Run, name: string, action: "kill" | "restart") {
    const wait = this.processActions.take(run.id);
    if (wait > 0) {
      throw new ApiError(429, "rate-limited", `Too many kills and restarts in this run; you can act again in ${wait} s.`, { "Retry-After": String(wait) });
    }
    const problem = action === "kill" ? run.killProcess(name) : run.restartProcess(name);
    if (problem) {
      this.processActions.refund(run.id);
      throw new ApiError(problem.status, problem.code, problem.message);
    }
  }

  stop(run: Run) {
    this.scheduler.remove(run);
    run.stop();
  }

  /** Stops every run and removes the sandboxes' files (at shutdown). */
  /**
   * Takes no new run, and lets the runs it holds (queued ones too) go on to their end for at
   * most `ms`; then stops what is left and closes, as close() does.
   */
  async drain(ms: number) {
    this.draining = true;
    const open = [...this.runs.values()].filter((run) => run.state !== "ended");
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(open.map((run) => run.done)), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
    await this.close();
  }

  async close() {
    clearInterval(this.sweeper);
    clearInterval(this.pumper);
    const open = [...this.runs.values()].filter((run) => run.state !== "ended");
    for (const run of open) this.stop(run);
    await Promise.all(open.map((run) => run.done));
    this.host.dispose();
  }

  private store(run: Run) {
    this.runs.set(run.id, run);
    this.evict();
  }

  /**
   * Forgets ended runs, oldest first, while too many are kept or their events
   * weigh more than the retention budget. A run that has not ended is never
   * forgotten: its replay must stay whole.
   */
  private evict() {
    let retained = 0;
    for (const run of this.runs.values()) if (run.state === "ended") retained += run.retainedBytes;
    for (const [id, old] of this.runs) {
      if (this.runs.size <= MAX_STORED_RUNS && retained <= this.config.retainBytes) break;
      if (old.state !== "ended") continue;
      this.runs.delete(id);
      this.forgetPlayground(old);
      retained -= old.retainedBytes;
    }
  }

  private forgetPlayground(run: Run) {
    if (run.request.playground === undefined) return;
    const key = `${run.client}\0${run.request.playground}`;
    if (this.playgrounds.get(key) === run) this.playgrounds.delete(key);
  }

  private ended(summary: RunSummary) {
    this.metrics.recordEnd(summary);
    const run = this.runs.get(summary.id);
    if (run) this.forgetPlayground(run);
    this.log({
      time: new Date().toISOString(),
      msg: "run ended",
      ...summary,
      sandbox: this.host.status.mode,
    });
  }

  /** Stops runs nobody watches and forgets runs whose events are past retention. */
  private sweep() {
    const now = Date.now();
    for (const [id, run] of this.runs) {
      if (run.state === "ended") {
        if (run.endedAt !== null && now - run.endedAt > this.config.retainMs) this.runs.delete(id);
      } else if (run.watchers === 0 && now - run.lastWatchedAt > this.config.unwatchedMs) {
        this.scheduler.remove(run);
        run.finish(
          "stopped",
          `Stopped because nobody read its output for ${Math.round(this.config.unwatchedMs / 1000)} s.`,
        );
      }
    }
    this.evict();
    this.limiter.sweep();
    this.addressLimiter.sweep();
    this.processActions.sweep();
    this.host.pool.tick();
    // Memory freed by runs that ended lets waiting ones start.
    this.scheduler.pump();
  }
}
