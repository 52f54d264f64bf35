import type { SearchEntry } from '../../_lib/search-index';

export type { SearchEntry };

export interface SearchResult {
  /** Unique; also the href. */
  href: string;
  kind: 'lesson' | 'heading' | 'text';
  part: number;
  lessonTitle: string;
  /** What the result is: the lesson title or the heading. */
  title: string;
  /** Context around the first match (or the summary), to show under the title. */
  context: string;
  score: number;
}

const MAX_RESULTS = 20;
const MAX_PER_LESSON = 5;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The query's words, lower-cased, without duplicates. */
export function queryTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .toLowerCase()
        .split(/[\s,;:!?"'“”‘’()[\]{}<>]+/u)
        .map((term) => term.replace(/^[.\-_/#]+|[.\-_/#]+$/g, ''))
        .filter(Boolean),
    ),
  ];
}

/** A term matches at the start of a word (so "sock" finds "socket", not "unsocketed"), case-insensitively. */
function termPattern(term: string): RegExp {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(${escapeRegExp(term)})`, 'iu');
}

function allMatch(patterns: RegExp[], text: string): boolean {
  return patterns.every((pattern) => pattern.test(text));
}

function countMatches(terms: string[], text: string): number {
  let count = 0;
  for (const term of terms) {
    const global = new RegExp(termPattern(term).source, 'giu');
    count += text.match(global)?.length ?? 0;
  }
  return count;
}

/** About `radius` characters either side of the first match, cut at word boundaries. */
export function contextAround(text: string, terms: string[], radius = 70): string {
  let first = -1;
  for (const term of terms) {
    const match = termPattern(term).exec(text);
    if (match) {
      const at = match.index + match[0].length - match[1]!.length;
      if (first === -1 || at < first) first = at;
    }
  }
  if (first === -1) return text.length > radius * 2 ? `${text.slice(0, radius * 2).replace(/\s+\S*$/, '')}…` : text;
  let start = Math.max(0, first - radius);
  let end = Math.min(text.length, first + radius);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > first ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/** Splits text into plain and matching parts, for <mark>. */
export function highlightParts(text: string, terms: string[]): { text: string; match: boolean }[] {
  if (terms.length === 0) return [{ text, match: false }];
  const pattern = new RegExp(
    `(?<=^|[^\\p{L}\\p{N}])(${[...terms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`,
    'giu',
  );
  const parts: { text: string; match: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), match: false });
    parts.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/**
 * Finds lessons and sections where every word of the query occurs (at the
 * start of a word, ignoring case). Ranked: lesson title, then headings, then
 * the prose (and the summary in between); more occurrences rank higher within
 * a kind, then the series' order.
 */
export function search(index: SearchEntry[], query: string): SearchResult[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const patterns = terms.map(termPattern);
  const results: SearchResult[] = [];

  for (const lesson of index) {
    const href = `/lessons/${lesson.slug}`;
    const found: SearchResult[] = [];
    const base = { part: lesson.part, lessonTitle: lesson.title };

    if (allMatch(patterns, lesson.title)) {
      found.push({ ...base, href, kind: 'lesson', title: lesson.title, context: lesson.summary, score: 3000 });
    } else if (allMatch(patterns, `${lesson.title} ${lesson.summary}`)) {
      found.push({
        ...base,
        href,
        kind: 'lesson',
        title: lesson.title,
        context: lesson.summary,
        score: 1500 + countMatches(terms, lesson.summary),
      });
    }

    for (const section of lesson.sections) {
      const target = section.anchor ? `${href}#${section.anchor}` : href;
      if (section.heading && allMatch(patterns, section.heading)) {
        found.push({
          ...base,
          href: target,
          kind: 'heading',
          title: section.heading,
          context: contextAround(section.text, terms),
          score: 2000 + countMatches(terms, section.text),
        });
      } else if (allMatch(patterns, `${section.heading ?? ''} ${section.text}`)) {
        found.push({
          ...base,
          href: target,
          kind: 'text',
          title: section.heading ?? lesson.title,
          context: contextAround(section.text, terms),
          score: 1000 + Math.min(countMatches(terms, section.text), 50),
        });
      }
    }

    // One result per place; the best few per lesson.
    const best = new Map<string, SearchResult>();
    for (const result of found) {
      const other = best.get(result.href);
      if (!other || result.score > other.score) best.set(result.href, result);
    }
    results.push(...[...best.values()].sort((a, b) => b.score - a.score).slice(0, MAX_PER_LESSON));
  }

  return results.sort((a, b) => b.score - a.score || a.part - b.part).slice(0, MAX_RESULTS);
}
