/**
 * Typo tolerance for the site search: which words of the index a query term
 * may stand for when it is not spelled as they are.
 */

/** Typos a term of this many letters may hold: none under 4, one up to 7, two from 8 (as site searches do). */
export function allowedTypos(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Edit distance (insertions, deletions, substitutions and swaps of two
 * neighbours, each one typo) between `term` and `word`, or between `term` and
 * the closest prefix of `word` when `prefix` is set. Gives up at `max`:
 * anything above it comes back as `max + 1`.
 */
export function typoDistance(term: string, word: string, max: number, prefix = false): number {
  const m = term.length;
  const n = prefix ? Math.min(word.length, m + max) : word.length;
  if (!prefix && Math.abs(m - n) > max) return max + 1;
  if (prefix && n < m - max) return max + 1;
  // Three rows of the (m+1)×(n+1) table: the one before the previous (for swaps), the previous, the current;
  // kept between calls, as the look-up measures one term against thousands of words.
  if (rows[0]!.length <= n) rows = rows.map(() => new Int32Array(n + 1)) as typeof rows;
  let [before, previous, current] = rows;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = term.charCodeAt(i - 1) === word.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && term[i - 1] === word[j - 2] && term[i - 2] === word[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  // `previous` now holds the last row: the whole term against each prefix of the word.
  let distance = previous[n]!;
  if (prefix) for (let j = 0; j < n; j++) distance = Math.min(distance, previous[j]!);
  return Math.min(distance, max + 1);
}

/** A term is a run of letters and digits: only such terms are looked up with typos. */
const PLAIN_TERM = /^[\p{L}\p{N}]+$/u;
const WORD = /[\p{L}\p{N}]+/gu;

/** The distinct words of some texts, lower-cased, grouped by length for the look-up. */
export class Vocabulary {
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, Map<string, number>>();

  constructor(texts: Iterable<string>) {
    const words = new Set<string>();
    for (const text of texts) for (const [word] of text.toLowerCase().matchAll(WORD)) words.add(word);
    for (const word of words) {
      const list = this.byLength.get(word.length);
      if (list) list.push(word);
      else this.byLength.set(word.length, [word]);
    }
  }

  get size(): number {
    let size = 0;
    for (const list of this.byLength.values()) size += list.length;
    return size;
  }

  /**
   * The words `term` may be a misspelling of, with their typo count (1 or 2):
   * whole words within the allowed typos, and with `prefix` also words whose
   * start is (the term being typed). Words the term already finds exactly (it
   * is a prefix of them) are left out: those match without typos.
   */
  near(term: string, prefix: boolean): Map<string, number> {
    const key = `${prefix ? 'p' : 'w'}:${term}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = new Map<string, number>();
    const max = allowedTypos(term.length);
    if (max > 0 && PLAIN_TERM.test(term)) {
      for (const [length, words] of this.byLength) {
        if (length < term.length - max || (!prefix && length > term.length + max)) continue;
        for (const word of words) {
          if (word.startsWith(term)) continue;
          const distance = typoDistance(term, word, max, prefix);
          if (distance <= max) found.set(word, distance);
        }
      }
    }
    // Queries come keystroke by keystroke: a bounded memo of the last few terms.
    if (this.cache.size >= 64) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, found);
    return found;
  }
}
