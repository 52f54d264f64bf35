/**
 * A run's output, kept twice: raw chunks (ANSI colours kept) for the
 * terminals, and plain lines for screen readers, Copy and tests. Chunks
 * split lines anywhere: a line a process has not finished stays open and the
 * next chunk of the same stream continues it. Pure data; TranscriptWriter
 * changes a copy, so a batch of output costs one copy.
 */

export type Stream = 'stdout' | 'stderr' | 'note';

/** A line of the plain-text transcript. */
export interface OutputLine {
  id: number;
  /** The process that wrote it ('' for notes about the whole run). */
  process: string;
  stream: Stream;
  text: string;
}

/** Raw output as it came, for a terminal (ANSI kept); `exit` is a dimmed remark (a process's exit, a cut). */
export interface OutputChunk {
  id: number;
  process: string;
  stream: 'stdout' | 'stderr' | 'exit';
  data: string;
}

export interface Transcript {
  lines: OutputLine[];
  chunks: OutputChunk[];
  /** "<process>\0<stream>" → index in `lines` of the line still being written. */
  open: Record<string, number>;
  /** Characters kept so far. */
  size: number;
  /** Output past MAX_OUTPUT_CHARS was dropped. */
  truncated: boolean;
  /** The last id given to a line or chunk. Ids only grow, so a terminal writes each chunk once. */
  serial: number;
}

/** Keeps the page responsive if a program prints a lot; the runner has its own limit. */
export const MAX_OUTPUT_CHARS = 200_000;

/** ANSI escape sequences (colours, cursor moves): the transcript is plain text. */
const ANSI_PATTERN = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export const EMPTY_TRANSCRIPT: Transcript = { lines: [], chunks: [], open: {}, size: 0, truncated: false, serial: 0 };

/** The transcript fields of `from` (which may be a larger object, such as a run's state), as a fresh transcript. */
function copy(from: Transcript): Transcript {
  return { lines: from.lines.slice(), chunks: from.chunks.slice(), open: { ...from.open }, size: from.size, truncated: from.truncated, serial: from.serial };
}

/** Writes into a copy of a transcript; `transcript` is the result. */
export class TranscriptWriter {
  readonly transcript: Transcript;

  constructor(from: Transcript = EMPTY_TRANSCRIPT, private readonly limit = MAX_OUTPUT_CHARS) {
    this.transcript = copy(from);
  }

  /** A chunk of a process's output. */
  write(process: string, stream: 'stdout' | 'stderr', raw: string): void {
    const t = this.transcript;
    if (t.truncated || raw === '') return;
    let data = raw;
    if (t.size + data.length > this.limit) {
      data = data.slice(0, this.limit - t.size);
      t.truncated = true;
    }
    t.size += data.length;
    t.chunks.push({ id: ++t.serial, process, stream, data });

    const plain = data.replace(ANSI_PATTERN, '').replace(/\r\n?/g, '\n');
    const key = `${process}\u0000${stream}`;
    const segments = plain.split('\n');
    segments.forEach((segment, index) => {
      const last = index === segments.length - 1;
      if (last && segment === '') {
        // The chunk ended with a newline: nothing is left open.
        delete t.open[key];
        return;
      }
      const openIndex = index === 0 ? t.open[key] : undefined;
      if (openIndex !== undefined) {
        const line = t.lines[openIndex]!;
        t.lines[openIndex] = { ...line, text: line.text + segment };
      } else {
        t.lines.push({ id: ++t.serial, process, stream, text: segment });
      }
      if (last) t.open[key] = index === 0 && openIndex !== undefined ? openIndex : t.lines.length - 1;
      else delete t.open[key];
    });
    if (t.truncated) {
      const message = `Output shortened here: the page keeps the first ${this.limit.toLocaleString('en')} characters.`;
      this.note(message);
      this.remark(process, message);
    }
  }

  /** A line about the run ('') or a process, in the transcript only; it ends any line left open. */
  note(text: string, process = ''): void {
    const t = this.transcript;
    t.open = {};
    t.lines.push({ id: ++t.serial, process, stream: 'note', text });
  }

  /** A dimmed remark at the end of a process's terminal ("exit code 0 after 812 ms"). */
  remark(process: string, text: string): void {
    const t = this.transcript;
    t.chunks.push({ id: ++t.serial, process, stream: 'exit', data: text });
  }

  /** The run is over: no line stays open. */
  closeLines(): void {
    this.transcript.open = {};
  }
}

/** Output that came whole (a learner's last run, as the workshop keeps it) as one process's transcript. */
export function transcriptOf(text: string, process: string): Transcript {
  const writer = new TranscriptWriter();
  writer.write(process, 'stdout', text);
  return writer.transcript;
}
