import type { SearchEntry } from '../../_lib/search-index';
import { Vocabulary } from './fuzzy';

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
  /** Typos the match needed (0: every word as typed); fewer rank first. */
  typos: number;
  score: number;
  /** The words to mark in title and context: the query's, and the spellings it was taken for. */
  highlight: string[];
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

/** Spellings of one query term, by typo count: [0] is the term itself (at the start of a word). */
interface TermMatcher {
  groups: { typos: number; words: string[]; pattern: RegExp }[];
}

/** Whole words of the index (a typo'd term stands for the word, not for any word it begins). */
function wordsPattern(words: string[]): RegExp {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

const vocabularies = new WeakMap<SearchEntry[], Vocabulary>();

/** The index's words, gathered once per index. */
function vocabularyOf(index: SearchEntry[]): Vocabulary {
  let vocabulary = vocabularies.get(index);
  if (!vocabulary) {
    vocabulary = new Vocabulary(
      index.flatMap((lesson) => [
        lesson.title,
        lesson.summary,
        lesson.terms ?? '',
        ...lesson.sections.flatMap((section) => [section.heading ?? '', section.text, section.terms ?? '']),
      ]),
    );
    vocabularies.set(index, vocabulary);
  }
  return vocabulary;
}

/** The last term may be half typed: its typos may be in a word's start. */
function termMatchers(vocabulary: Vocabulary, terms: string[]): TermMatcher[] {
  return terms.map((term, i) => {
    const groups: TermMatcher['groups'] = [{ typos: 0, words: [term], pattern: termPattern(term) }];
    const byTypos = new Map<number, string[]>();
    for (const [word, typos] of vocabulary.near(term, i === terms.length - 1)) {
      const list = byTypos.get(typos);
      if (list) list.push(word);
      else byTypos.set(typos, [word]);
    }
    for (const typos of [...byTypos.keys()].sort((a, b) => a - b)) {
      const words = byTypos.get(typos)!;
      groups.push({ typos, words, pattern: wordsPattern(words) });
    }
    return { groups };
  });
}

/** Typos needed for every term to occur in the text (the fewest per term), or null when one does not. */
function matchTypos(matchers: TermMatcher[], text: string): number | null {
  let total = 0;
  for (const matcher of matchers) {
    const group = matcher.groups.find((candidate) => candidate.pattern.test(text));
    if (!group) return null;
    total += group.typos;
  }
  return total;
}

/** The words to mark for a match with that many typos: each term, and its spellings up to those typos. */
function highlightWords(matchers: TermMatcher[], typos: number): string[] {
  return matchers.flatMap((matcher) =>
    matcher.groups.filter((group) => group.typos <= typos).flatMap((group) => group.words),
  );
}

function countMatches(words: string[], text: string): number {
  let count = 0;
  for (const word of words) {
    const global = new RegExp(termPattern(word).source, 'giu');
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
 * start of a word, ignoring case) or, failing that, a word of the index within
 * a typo or two of it (one for words of 4–7 letters, two from 8). Ranked:
 * fewer typos first, then lesson title, then headings, then the prose (and
 * the summary in between); more occurrences rank higher within a kind, then
 * the series' order.
 */
export function search(index: SearchEntry[], query: string): SearchResult[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const matchers = termMatchers(vocabularyOf(index), terms);
  const results: SearchResult[] = [];

  for (const lesson of index) {
    const href = lesson.href ?? `/lessons/${lesson.slug}`;
    const found: SearchResult[] = [];
    const base = { part: lesson.part, lessonTitle: lesson.title };
    const result = (fields: Omit<SearchResult, 'part' | 'lessonTitle' | 'highlight'>): SearchResult => ({
      ...base,
      ...fields,
      highlight: highlightWords(matchers, fields.typos),
    });

    const inTitle = matchTypos(matchers, lesson.title);
    const inSummary = matchTypos(matchers, `${lesson.title} ${lesson.summary} ${lesson.terms ?? ''}`);
    if (inTitle !== null && (inSummary === null || inTitle <= inSummary)) {
      found.push(result({ href, kind: 'lesson', title: lesson.title, context: lesson.summary, typos: inTitle, score: 3000 }));
    } else if (inSummary !== null) {
      const words = highlightWords(matchers, inSummary);
      found.push(
        result({
          href,
          kind: 'lesson',
          title: lesson.title,
          context: lesson.summary,
          typos: inSummary,
          score: 1500 + countMatches(words, lesson.summary),
        }),
      );
    }

    for (const section of lesson.sections) {
      const target = section.href ?? (section.anchor ? `${href}#${section.anchor}` : href);
      const inHeading = section.heading ? matchTypos(matchers, section.heading) : null;
      const inText = matchTypos(matchers, `${section.heading ?? ''} ${section.text} ${section.terms ?? ''}`);
      if (inHeading !== null && (inText === null || inHeading <= inText)) {
        const words = highlightWords(matchers, inHeading);
        found.push(
          result({
            href: target,
            kind: 'heading',
            title: section.heading!,
            context: contextAround(section.text, words),
            typos: inHeading,
            score: 2000 + Math.min(countMatches(words, section.text), 50),
          }),
        );
      } else if (inText !== null) {
        const words = highlightWords(matchers, inText);
        found.push(
          result({
            href: target,
            kind: 'text',
            title: section.heading ?? lesson.title,
            context: contextAround(section.text, words),
            typos: inText,
            score: 1000 + Math.min(countMatches(words, section.text), 50),
          }),
        );
      }
    }

    // One result per place; the best few per lesson.
    const best = new Map<string, SearchResult>();
    for (const candidate of found) {
      const other = best.get(candidate.href);
      if (!other || compare(candidate, other) < 0) best.set(candidate.href, candidate);
    }
    results.push(...[...best.values()].sort(compare).slice(0, MAX_PER_LESSON));
  }

  return results.sort((a, b) => compare(a, b) || a.part - b.part).slice(0, MAX_RESULTS);
}

/** Fewer typos first, then the higher score. */
function compare(a: SearchResult, b: SearchResult): number {
  return a.typos - b.typos || b.score - a.score;
}
