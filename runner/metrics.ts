import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { RunSummary } from "./run";

/** Prometheus metrics of one runner; a registry of its own so several runners never collide. */
export class RunnerMetrics {
  readonly registry = new Registry();
  private readonly runs = new Counter({
    name: "runner_runs_total",
    help: "Runs that ended, by end status.",
    labelNames: ["status"] as const,
    registers: [this.registry],
  });
  private readonly rejected = new Counter({
    name: "runner_rejected_requests_total",
    help: "Run requests refused before queueing, by reason.",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: "runner_run_duration_seconds",
    help: "Wall time of runs from start to end (queue time excluded).",
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60],
    registers: [this.registry],
  });
  private readonly firstOutput = new Histogram({
    name: "runner_time_to_first_output_seconds",
    help: "Time from a run's start to its first byte of output.",
    buckets: [0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2, 5],
    registers: [this.registry],
  });
  private readonly queueWait = new Histogram({
    name: "runner_queue_wait_seconds",
    help: "Time runs waited in the queue before starting.",
    buckets: [0, 0.1, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [this.registry],
  });

  constructor(read: { queueLength: () => number; running: () => number; memoryUsed: () => number; memoryBudget: () => number; warm: () => number }) {
    const gauges: [string, string, () => number][] = [
      ["runner_queue_length", "Runs waiting to start.", read.queueLength],
      ["runner_running_runs", "Runs executing now.", read.running],
      ["runner_sandbox_memory_bytes", "Memory held by all sandboxes, running and warm.", read.memoryUsed],
      ["runner_memory_budget_bytes", "Memory the sandboxes may hold together (admission stops beyond it).", read.memoryBudget],
      ["runner_warm_sandboxes", "Sandboxes booted ahead, waiting for a run.", read.warm],
    ];
    for (const [name, help, value] of gauges) {
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(value());
        },
      });
    }
    collectDefaultMetrics({ register: this.registry, prefix: "runner_", eventLoopMonitoringPrecision: 100 });
  }

  recordEnd(summary: RunSummary) {
    this.runs.inc({ status: summary.status });
    this.duration.observe(summary.durationMs / 1000);
    this.queueWait.observe(summary.queuedMs / 1000);
    if (summary.firstOutputMs !== null) this.firstOutput.observe(summary.firstOutputMs / 1000);
  }

  recordRejected(reason: string) {
    this.rejected.inc({ reason });
  }
}
