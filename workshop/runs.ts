/**
 * Reads a run from the runner that ran it (in this process, or on the fleet): what
 * the board shows comes from what really ran, never from what the learner's browser says.
 */
import type { RunRecord, TraceEvent } from "../runner/protocol";
import type { RunEventMap } from "../runner/types";
import type { RunReport } from "./store";
import { storableText } from "./validate";

/** Output kept per process for the instructor's read-only view. */
const OUTPUT_TAIL_BYTES = 8 * 1024;

/** A run as the workshop reads it: the in-process runner's Run, or a fleet runner's record of it. */
export type RunView = Pick<RunRecord, "id" | "client" | "state" | "request" | "events">;
/** A run whose runner went away before its end was recorded (a fleet runner that died): its record went with it; `lost` says so. */
export interface LostRun {
  lost: string;
}
export type RunLookup = (id: string) => RunView | LostRun | undefined | Promise<RunView | LostRun | undefined>;

export const isLost = (run: RunView | LostRun | undefined): run is LostRun => run !== undefined && "lost" in run;

function tail(text: string, bytes: number): string {
  const buffer = Buffer.from(text, "utf8");
  if (buffer.length <= bytes) return text;
  // Cut at a character boundary: skip continuation bytes (10xxxxxx).
  let start = buffer.length - bytes;
  while (start < buffer.length && (buffer[start]! & 0xc0) === 0x80) start++;
  return `…${buffer.subarray(start).toString("utf8")}`;
}

/** What the run's processes printed so far: per process `── name ──` + its last 8 KiB (one process: just its output). */
function outputOf(run: RunView): string {
  const output = new Map<string, string>(run.request.processes.map((p) => [p.name, ""]));
  for (const event of run.events) {
    if (event.type !== "stdout" && event.type !== "stderr") continue;
    const { process, data } = event.data as RunEventMap["stdout"];
    output.set(process, (output.get(process) ?? "") + data);
  }
  const several = output.size > 1;
  return [...output]
    .map(([name, out]) => (several ? `── ${name} ──\n${tail(out, OUTPUT_TAIL_BYTES)}` : tail(out, OUTPUT_TAIL_BYTES)))
    .join(several ? "\n" : "");
}

/** A running run's output so far (for the instructor watching it); undefined once it ended. */
export function liveOutput(run: RunView): string | undefined {
  if (run.state === "ended") return undefined;
  return storableText(outputOf(run));
}

/** Socket events the instructor's view of a running run shows at most (its latest). */
export const LIVE_TRACE_EVENTS = 300;

/** A running traced run's latest socket events; undefined for an untraced or ended run. */
export function liveTrace(run: RunView): TraceEvent[] | undefined {
  if (run.state === "ended" || !run.request.trace) return undefined;
  const trace = run.events.filter((e) => e.type === "trace").map((e) => e.data as TraceEvent);
  return trace.slice(-LIVE_TRACE_EVENTS);
}

/** The run's report, or a reason it cannot be reported yet. */
export function reportRun(run: RunView): RunReport | "running" {
  const end = run.events.find((e) => e.type === "end")?.data as RunEventMap["end"] | undefined;
  if (run.state !== "ended" || !end) return "running";
  const check = run.events.find((e) => e.type === "check")?.data as RunEventMap["check"] | undefined;
  const text = outputOf(run);
  const { lesson, snippet, variant } = run.request;
  const exercise = lesson && snippet ? `${lesson}/${snippet}` : null;
  // Running the given solution proves nothing; a check on the learner's own code does (passed or not).
  const own = exercise !== null && variant !== "solution";
  return {
    runId: run.id,
    status: end.status,
    blocked: run.events.some((e) => e.type === "blocked"),
    lesson: lesson ?? null,
    snippet: snippet ?? null,
    variant: variant ?? null,
    check: check ? { passed: check.passed, title: storableText(check.title) } : null,
    passed: check?.passed && own ? exercise : null,
    tried: check && own ? exercise : null,
    // Whatever a program printed (a NUL byte too) or its code held is kept, made storable: the run counts.
    files: Object.entries(run.request.files).map(([name, content]) => ({ name, content: storableText(content) })),
    output: storableText(`${text}${text.endsWith("\n") || text === "" ? "" : "\n"}[${end.status}] ${end.message}`),
  };
}
