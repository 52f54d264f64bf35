import { startedProcesses, type ProcessDef } from '../../../runner/protocol';

/**
 * A variant's files in the order a reader needs them: the files its
 * processes start (or the one a run starts by default), then the rest by
 * name. The first is the one a playground or an embed opens with.
 */
export function readingOrder(variant: { files: Record<string, string>; processes?: readonly ProcessDef[] }): string[] {
  const names = Object.keys(variant.files).sort();
  const entries = startedProcesses({ files: variant.files, processes: variant.processes }).map((p) => p.entry);
  const first = [...new Set(entries)].filter((name) => names.includes(name));
  return [...first, ...names.filter((name) => !first.includes(name))];
}
