'use client';

/**
 * What the browser gets for `import … from 'next-intl'` (next.config.js aliases it for the
 * browser only; the server, rendering the same components, keeps next-intl itself): the
 * parts of next-intl's client API this site uses — NextIntlClientProvider, useLocale,
 * useTranslations with t(), t.rich() and t.has() — over the ICU messages it has
 * (`{name}`, `{n, plural, =0 {…} one {# …} other {…}}`, `<tag>…</tag>`, quoting with `'`).
 * next-intl's own client code carries a full ICU parser (~14 KB gzip) into every page's
 * first-load JavaScript. The output is next-intl's, part for part, since the server's HTML is
 * hydrated with it; tests/unit/intl-client.test.ts checks both on every message.
 */
import { createContext, isValidElement, cloneElement, useContext, useMemo, type ReactNode } from 'react';

type Messages = { [key: string]: string | Messages };
type Value = string | number | boolean | null | undefined | Date | ReactNode | ((chunks: ReactNode[]) => ReactNode);
type Values = Record<string, Value>;

type Part =
  | string
  | { kind: 'arg'; name: string }
  | { kind: 'pound' }
  | { kind: 'plural'; name: string; options: Record<string, Part[]> }
  | { kind: 'tag'; name: string; children: Part[] };

class Parser {
  i = 0;
  constructor(readonly text: string) {}

  /** Nodes up to the end, a `}` (inside a plural option) or a closing tag. */
  nodes(inPlural: boolean): Part[] {
    const out: Part[] = [];
    let literal = '';
    const flush = () => {
      if (literal) out.push(literal);
      literal = '';
    };
    while (this.i < this.text.length) {
      const c = this.text[this.i]!;
      if (c === "'") {
        const next = this.text[this.i + 1];
        if (next === "'") {
          literal += "'";
          this.i += 2;
        } else if (next === '{' || next === '}' || next === '<' || (inPlural && next === '#')) {
          const end = this.text.indexOf("'", this.i + 1);
          const stop = end === -1 ? this.text.length : end;
          literal += this.text.slice(this.i + 1, stop).replace(/''/g, "'");
          this.i = stop + 1;
        } else {
          literal += c;
          this.i++;
        }
      } else if (c === '{') {
        flush();
        out.push(this.argument());
      } else if (c === '}') {
        break;
      } else if (c === '#' && inPlural) {
        flush();
        out.push({ kind: 'pound' });
        this.i++;
      } else if (c === '<' && this.text[this.i + 1] === '/') {
        break;
      } else if (c === '<' && /^<[A-Za-z][\w-]*>/.test(this.text.slice(this.i))) {
        flush();
        const name = /^<([A-Za-z][\w-]*)>/.exec(this.text.slice(this.i))![1]!;
        this.i += name.length + 2;
        const children = this.nodes(inPlural);
        const close = `</${name}>`;
        if (!this.text.startsWith(close, this.i)) throw new Error(`unclosed <${name}>`);
        this.i += close.length;
        out.push({ kind: 'tag', name, children });
      } else {
        literal += c;
        this.i++;
      }
    }
    flush();
    return out;
  }

  argument(): Part {
    this.i++; // {
    const head = /^\s*([\w.]+)\s*(?:,\s*(\w+)\s*,?)?\s*/.exec(this.text.slice(this.i));
    if (!head) throw new Error('bad argument');
    this.i += head[0].length;
    const [, name, type] = head;
    if (!type) {
      this.expect('}');
      return { kind: 'arg', name: name! };
    }
    if (type !== 'plural') throw new Error(`unsupported argument type ${type}`);
    const options: Record<string, Part[]> = {};
    for (;;) {
      const key = /^\s*(=\d+|[a-z]+)\s*\{/.exec(this.text.slice(this.i));
      if (!key) break;
      this.i += key[0].length;
      options[key[1]!] = this.nodes(true);
      this.expect('}');
    }
    this.skipSpace();
    this.expect('}');
    if (!options.other) throw new Error('plural without other');
    return { kind: 'plural', name: name!, options };
  }

  skipSpace() {
    while (/\s/.test(this.text[this.i] ?? '')) this.i++;
  }

  expect(char: string) {
    this.skipSpace();
    if (this.text[this.i] !== char) throw new Error(`expected ${char} at ${this.i}`);
    this.i++;
  }
}

const parsed = new Map<string, Part[]>();
function parse(text: string): Part[] {
  let nodes = parsed.get(text);
  if (!nodes) {
    const parser = new Parser(text);
    nodes = parser.nodes(false);
    if (parser.i < text.length) throw new Error(`unexpected ${text[parser.i]} at ${parser.i}`);
    parsed.set(text, nodes);
  }
  return nodes;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const cached = <T,>(map: Map<string, T>, locale: string, make: () => T) => {
  let value = map.get(locale);
  if (!value) map.set(locale, (value = make()));
  return value;
};

/** The parts of a message: strings (adjacent ones joined) and whatever tags and values gave. */
function format(nodes: Part[], values: Values, locale: string, counter: { key: number }, pound?: number): unknown[] {
  const parts: unknown[] = [];
  const push = (part: unknown) => {
    if (typeof part === 'string' && typeof parts[parts.length - 1] === 'string') parts[parts.length - 1] += part;
    else parts.push(part);
  };
  for (const node of nodes) {
    if (typeof node === 'string') push(node);
    else if (node.kind === 'pound') push(cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(pound ?? 0));
    else if (node.kind === 'arg') {
      if (!(node.name in values)) throw new Error(`the value "${node.name}" is missing`);
      const value = values[node.name];
      push(typeof value === 'string' || typeof value === 'number' ? String(value) : value === null || value === undefined || value === false || value === true ? '' : value);
    } else if (node.kind === 'plural') {
      const n = Number(values[node.name]);
      const rule = cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(n);
      const option = node.options[`=${n}`] ?? node.options[rule] ?? node.options.other!;
      for (const part of format(option, values, locale, counter, n)) push(part);
    } else {
      const tag = values[node.name];
      if (typeof tag !== 'function') throw new Error(`the tag <${node.name}> has no function`);
      const chunks = format(node.children, values, locale, counter, pound) as ReactNode[];
      const result = tag(chunks);
      push(isValidElement(result) ? cloneElement(result, { key: `${node.name}${counter.key++}` }) : result);
    }
  }
  return parts;
}

interface IntlState {
  locale: string;
  messages: Messages;
}

const Context = createContext<IntlState | null>(null);

export function NextIntlClientProvider({ locale, messages, children }: { locale: string; messages?: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages: messages ?? {} }), [locale, messages]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

function useIntl(): IntlState {
  const intl = useContext(Context);
  if (!intl) throw new Error('useTranslations and useLocale need NextIntlClientProvider above them');
  return intl;
}

export function useLocale(): string {
  return useIntl().locale;
}

export function hasLocale<T extends string>(locales: readonly T[], candidate: unknown): candidate is T {
  return locales.includes(candidate as T);
}

function lookup(messages: Messages, path: string): string | Messages | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

/** t(key, values), t.rich(key, values), t.has(key), as next-intl's useTranslations(namespace). */
export function translator(intl: IntlState, namespace?: string) {
  const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
  const rich = (key: string, values: Values = {}): ReactNode => {
    const message = lookup(intl.messages, full(key));
    try {
      if (typeof message !== 'string') throw new Error('MISSING_MESSAGE');
      const parts = format(parse(message), values, intl.locale, { key: 0 });
      if (parts.length === 0) return '';
      return (parts.length === 1 ? parts[0] : parts) as ReactNode;
    } catch (error) {
      console.error(`${full(key)}: ${error instanceof Error ? error.message : String(error)}`);
      return full(key);
    }
  };
  const t = (key: string, values?: Values): string => {
    const result = rich(key, values);
    return typeof result === 'string' ? result : String(result);
  };
  t.rich = rich;
  t.has = (key: string) => typeof lookup(intl.messages, full(key)) === 'string';
  return t;
}

export function useTranslations(namespace?: string) {
  const intl = useIntl();
  return useMemo(() => translator(intl, namespace), [intl, namespace]);
}
