/** The CSV export: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
import type { ExportRow } from "./store";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsv(rows: ExportRow[]): string {
  const header = ["name", "joined at", "runs", "last status", "exercises passed", "exercises", "hand raised"];
  const lines = [header, ...rows.map((r) => [r.name, r.joinedAt, r.runs, r.lastStatus, r.passed.length, r.passed.join(";"), r.handRaised ? "yes" : "no"])];
  // A BOM so spreadsheet programs read the names as UTF-8.
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
