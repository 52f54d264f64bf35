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
  status: "ok" | "unavailable";
  sandbox: SandboxStatus;
  runs: { running: number; queued: number; slots: number; queueMax: number };
}

/**
 * The execution engine: accepts runs, queues them, runs them in sandboxes and
 * keeps their events for replay. Transport-free; `http.ts` puts it on HTTP.
 */
export class Runner {
  readonly metrics: RunnerMetrics;
  private readonly runs = new Map<string, Run>();
  private readonly scheduler: Scheduler;
  private readonly limiter: RateLimiter;
  private readonly sweeper: NodeJS.Timeout;
  private readonly transpiler = new TranspileCache();

  /** Where exercise checks come from (the site wires in its lessons). */
  checks: CheckProvider | undefined;

  constructor(
    readonly config: RunnerConfig,
    readonly host: SandboxHost,
    private readonly log: (line: Record<string, unknown>) => void = (line) => console.log(JSON.stringify(line)),
  ) {
    this.scheduler = new Scheduler(config.concurrency, config.queueMax);
    this.limiter = new RateLimiter(config.ratePerMinute, config.rateBurst);
    this.metrics = new RunnerMetrics(
      () => this.scheduler.queueLength,
      () => this.scheduler.running.size,
    );
    this.sweeper = setInterval(() => this.sweep(), 1_000);
    this.sweeper.unref();
  }

  static create(config: RunnerConfig, log?: (line: Record<string, unknown>) => void): Runner {
    const host = SandboxHost.detect(config);
    const runner = new Runner(config, host, log);
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
    return {
      status: this.host.status.available ? "ok" : "unavailable",
      sandbox: this.host.status,
      runs: {
        running: this.scheduler.running.size,
        queued: this.scheduler.queueLength,
        slots: this.config.concurrency,
        queueMax: this.config.queueMax,
      },
    };
  }

  get(id: string): Run | undefined {
    return this.runs.get(id);
  }

  /** Starts (queues) a validated run for `client`; throws ApiError for 429/503. */
  async submit(request: RunRequest, client: string): Promise<Run> {
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
        `Too many runs from your address; you can start another in ${wait} s.`,
        { "Retry-After": String(wait) },
      );
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
      this.metrics.recordRejected("queue-full");
      throw error;
    }
    this.store(run);
    return run;
  }

  stop(run: Run) {
    this.scheduler.remove(run);
    run.stop();
  }

  /** Stops every run and removes the sandboxes' files (at shutdown). */
  async close() {
    clearInterval(this.sweeper);
    const open = [...this.runs.values()].filter((run) => run.state !== "ended");
    for (const run of open) this.stop(run);
    await Promise.all(open.map((run) => run.done));
    this.host.dispose();
  }

  private store(run: Run) {
    this.runs.set(run.id, run);
    if (this.runs.size > MAX_STORED_RUNS) {
      for (const [id, old] of this.runs) {
        if (old.state === "ended") {
          this.runs.delete(id);
          break;
        }
      }
    }
  }

  private ended(summary: RunSummary) {
    this.metrics.recordEnd(summary);
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
    this.limiter.sweep();
  }
}
