/**
 * The /playground's own program: its files and the processes a run starts,
 * and the edits a learner makes to them (add, rename, delete a file; add,
 * change, remove a process). Pure, so it is tested without a browser
 * (tests/unit/scratch-state.test.ts). Every limit and rule is the run API's
 * (runner/protocol): file names, file count, process count, process names,
 * delays — nothing is decided here that the runner would decide otherwise.
 */
import { ApiError } from '../../../../runner/errors';
import { parseStored } from '../../storage/localStore';
import { checkFiles, checkProcessList, DEFAULT_PROCESS_NAME, FILE_NAME, FILE_NAME_RULE, PROCESS_NAME, RUN_LIMITS, startedProcesses, type ProcessDef } from '../../../../runner/protocol';

export interface ScratchProgram {
  files: Record<string, string>;
  /** Never empty: the playground always names what it starts, one terminal each. */
  processes: ProcessDef[];
}

export type ScratchAction =
  | { type: 'edit'; name: string; code: string }
  | { type: 'add-file'; name: string }
  | { type: 'rename-file'; from: string; to: string }
  | { type: 'delete-file'; name: string }
  | { type: 'add-process' }
  | { type: 'remove-process'; index: number }
  | { type: 'set-process'; index: number; patch: Partial<Pick<ProcessDef, 'name' | 'entry' | 'delayMs' | 'args'>> }
  | { type: 'replace'; program: ScratchProgram };

/** What a new file holds: enough to run and see it ran. */
export const NEW_FILE_CODE = (name: string) => `import * as zmq from "zeromq";\n\nconsole.log("${name} runs with zeromq", zmq.version);\n`;

/** Why `name` cannot be a new file (or the new name of `renaming`): null when it can. */
export function fileNameProblem(name: string, files: Record<string, string>, renaming?: string): string | null {
  if (!FILE_NAME.test(name)) return `“${name.slice(0, 60)}” is not a file name a run may use: ${FILE_NAME_RULE}.`;
  if (name !== renaming && name in files) return `There is a file named ${name} already.`;
  if (renaming === undefined && Object.keys(files).length >= RUN_LIMITS.maxFiles) return `A run may have at most ${RUN_LIMITS.maxFiles} files.`;
  return null;
}

/** A process name not taken yet: `base`, else `base-2`, `base-3`… */
function freeName(base: string, taken: readonly string[]): string {
  const stem = base.replace(/\.\w+$/, '').replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 28) || 'process';
  if (!taken.includes(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.includes(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** Applies one change; a change the rules refuse (checked first by the UI) leaves the program as it is. */
export function scratchReducer(program: ScratchProgram, action: ScratchAction): ScratchProgram {
  const { files, processes } = program;
  switch (action.type) {
    case 'edit':
      return action.name in files && files[action.name] !== action.code ? { ...program, files: { ...files, [action.name]: action.code } } : program;
    case 'add-file':
      if (fileNameProblem(action.name, files)) return program;
      return { ...program, files: { ...files, [action.name]: NEW_FILE_CODE(action.name) } };
    case 'rename-file': {
      const { from, to } = action;
      if (!(from in files) || from === to || fileNameProblem(to, files, from)) return program;
      // Same order of files, the new name in the old one's place; its processes follow it.
      const next = Object.fromEntries(Object.entries(files).map(([name, code]) => [name === from ? to : name, code]));
      return { files: next, processes: processes.map((p) => (p.entry === from ? { ...p, entry: to } : p)) };
    }
    case 'delete-file': {
      const names = Object.keys(files);
      if (!(action.name in files) || names.length <= 1) return program;
      const next = { ...files };
      delete next[action.name];
      const fallback = Object.keys(next)[0]!;
      // A process of the deleted file would start nothing: it starts the first file left instead.
      return { files: next, processes: processes.map((p) => (p.entry === action.name ? { ...p, entry: fallback } : p)) };
    }
    case 'add-process': {
      if (processes.length >= RUN_LIMITS.maxProcesses) return program;
      // The first file no process starts yet, else the first file.
      const names = Object.keys(files);
      const entry = names.find((n) => !processes.some((p) => p.entry === n)) ?? names[0]!;
      const name = freeName(entry, processes.map((p) => p.name));
      return { ...program, processes: [...processes, { name, entry, delayMs: 100 }] };
    }
    case 'remove-process':
      if (processes.length <= 1 || !processes[action.index]) return program;
      return { ...program, processes: processes.filter((_, i) => i !== action.index) };
    case 'set-process': {
      const current = processes[action.index];
      if (!current) return program;
      const next: ProcessDef = { ...current, ...action.patch };
      if (action.patch.entry !== undefined && !(action.patch.entry in files)) return program;
      if (next.delayMs === undefined) delete next.delayMs;
      if (!next.args || next.args.length === 0) delete next.args;
      return { ...program, processes: processes.map((p, i) => (i === action.index ? next : p)) };
    }
    case 'replace':
      return action.program;
  }
}

/**
 * A process's arguments as typed, the way a shell splits them: spaces
 * separate, '…' keeps everything as it is, "…" too but for \" and \\, and a
 * backslash outside quotes keeps the next character. An unclosed quote runs
 * to the end. The run API's limits (count, length) are checked when it runs.
 */
export function parseArgs(text: string): string[] {
  const args: string[] = [];
  let current: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (current !== null) args.push(current);
      current = null;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end;
      current = (current ?? '') + text.slice(i + 1, stop);
      i = stop;
    } else if (c === '"') {
      current ??= '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) i++;
        current += text[i];
      }
    } else if (c === '\\' && i + 1 < text.length) {
      current = (current ?? '') + text[++i];
    } else current = (current ?? '') + c;
  }
  if (current !== null) args.push(current);
  return args;
}

/** Arguments as parseArgs reads them back: plain words as they are, others quoted. */
export function formatArgs(args: readonly string[]): string {
  return args
    .map((arg) => {
      if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
      if (!arg.includes("'")) return `'${arg}'`;
      return `"${arg.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    })
    .join(' ');
}

/** What keeps the program from running, in the run API's words (null when it can run). */
export function runProblem(program: ScratchProgram): string | null {
  try {
    checkFiles(program.files);
    checkProcessList(program.processes, { files: Object.keys(program.files) });
    return null;
  } catch (error) {
    if (error instanceof ApiError) return error.message;
    throw error;
  }
}

/** A process name as typed, checked: null when the run API takes it. */
export function processNameProblem(name: string, index: number, processes: readonly ProcessDef[]): string | null {
  if (!PROCESS_NAME.test(name)) return 'Use 1–32 letters, digits, “_” or “-”.';
  if (processes.some((p, i) => i !== index && p.name === name)) return `Another process is named ${name}.`;
  return null;
}

/**
 * A program from outside (this browser's storage, a link): checked by the run
 * API's own validators; `processes` absent means the run's default one.
 * Throws an ApiError saying what is wrong.
 */
export function checkProgram(value: { files: unknown; processes?: unknown }): ScratchProgram {
  const files = checkFiles(value.files);
  const processes =
    value.processes === undefined || value.processes === null
      ? defaultProcessList(files)
      : checkProcessList(value.processes, { files: Object.keys(files) }).map((p) => ({ name: p.name, entry: p.entry, ...(p.delayMs !== undefined ? { delayMs: p.delayMs } : {}), ...(p.args ? { args: p.args } : {}) }));
  return { files, processes };
}

/** The one process a run of these files starts when it names none (the run API's default), else the first file's. */
function defaultProcessList(files: Record<string, string>): ProcessDef[] {
  const started = startedProcesses({ files });
  return started.length > 0 ? started : [{ name: DEFAULT_PROCESS_NAME, entry: Object.keys(files)[0]! }];
}

/** The same program (files, in order, and processes)? */
export function sameProgram(a: ScratchProgram, b: ScratchProgram): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What this browser keeps of the playground: the program, and the learner's own one set aside by a template or a link. */
export interface SavedScratch {
  program: ScratchProgram;
  backup: ScratchProgram | null;
}

export const SCRATCH_KEY = 'zmq-playground.scratch.v1';

function programOrNull(value: unknown): ScratchProgram | null {
  if (typeof value !== 'object' || value === null) return null;
  const { files, processes } = value as { files: unknown; processes?: unknown };
  try {
    return checkProgram({ files, processes });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
  // Saved mid-edit (a name being typed, two processes of one name): kept as typed, shape checked, for runProblem to explain.
  try {
    const checked = checkFiles(files);
    const kept = Array.isArray(processes) ? processes.slice(0, RUN_LIMITS.maxProcesses).filter((p) => isTypedProcess(p, checked)) : [];
    return kept.length > 0 ? { files: checked, processes: kept } : checkProgram({ files: checked });
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}

function isTypedProcess(value: unknown, files: Record<string, string>): value is ProcessDef {
  if (typeof value !== 'object' || value === null) return false;
  const { name, entry, delayMs, args } = value as Record<string, unknown>;
  const delayOk = delayMs === undefined || (Number.isInteger(delayMs) && (delayMs as number) >= 0 && (delayMs as number) <= RUN_LIMITS.maxDelayMs);
  const argsOk = args === undefined || (Array.isArray(args) && args.every((a) => typeof a === 'string'));
  return typeof name === 'string' && name.length <= 100 && typeof entry === 'string' && entry in files && delayOk && argsOk;
}

/** Reads the stored entry; garbage, or a program the run API would refuse, gives null (the page's own program then). */
export function parseSaved(raw: string | null): SavedScratch | null {
  const value = parseStored(raw, (v): v is object => typeof v === 'object' && v !== null);
  if (!value) return null;
  const program = programOrNull((value as { program?: unknown }).program);
  if (!program) return null;
  return { program, backup: programOrNull((value as { backup?: unknown }).backup) };
}
