/** Runs a snippet variant (a lesson's or a template's) through the real runner and says what it showed that its `expect` did not. */
import { unmetExpectations } from "../../runner/checks";
import type { Variant } from "../../content/types";
import { runToEnd } from "../integration/harness";

export async function runVariant(base: string, variant: Variant, extra: Record<string, string | boolean>) {
  const run = await runToEnd(base, { files: variant.files, processes: variant.processes, timeoutMs: variant.timeoutMs, ...extra } as never);
  const processes = variant.processes?.map((p) => p.name) ?? ["main"];
  const problems = unmetExpectations(variant.expect ?? {}, {
    status: run.end.status,
    blocked: run.events.some((e) => e.type === "blocked"),
    stdout: Object.fromEntries(processes.map((p) => [p, run.output(p)])),
  });
  // What the processes said on stderr, to explain a failure.
  const stderr = processes.map((p) => run.output(p, "stderr")).filter(Boolean).join("\n").slice(0, 1500);
  return { ...run, problems, why: `${run.end.message}\n${stderr}` };
}
