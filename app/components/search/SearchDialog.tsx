'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { DEFAULT_LANG, type Lang } from '../../../content/lang';
import { useLang } from '../i18n/useLang';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { highlightParts, queryTerms, search, type SearchEntry, type SearchResult } from './search';
import SearchIcon from '../icons/SearchIcon';

let indexRequest: Promise<SearchEntry[]> | undefined;

/** The index of the page's language, built on the server at build time from the lessons; fetched once per page load. */
function loadIndex(lang: Lang): Promise<SearchEntry[]> {
  const file = lang === DEFAULT_LANG ? '/search-index.json' : `/search-index.${lang}.json`;
  indexRequest ??= fetch(file, { headers: { Accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) throw new Error(`The search index answered ${response.status}.`);
      return response.json() as Promise<SearchEntry[]>;
    })
    .catch((error: unknown) => {
      indexRequest = undefined;
      throw error;
    });
  return indexRequest;
}

function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {highlightParts(text, terms).map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-zinc-950 dark:bg-yellow-300/25 dark:text-zinc-50">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

function lessonResults(index: SearchEntry[]): SearchResult[] {
  return index.map((lesson) => ({
    href: lesson.href ?? `/lessons/${lesson.slug}`,
    kind: 'lesson' as const,
    part: lesson.part,
    lessonTitle: lesson.title,
    title: lesson.title,
    context: lesson.summary,
    typos: 0,
    score: 0,
    highlight: [],
  }));
}

/**
 * The search dialog: a modal <dialog> (the page behind is inert, Escape
 * closes it) holding a combobox and its listbox of results. ↑/↓ move, Enter
 * opens, Tab stays inside; focus returns where it was when it closes.
 */
export default function SearchDialog({ open, onClose }: { open: boolean; onClose: (navigated: boolean) => void }) {
  const router = useRouter();
  const t = useTranslations('search');
  const lang = useLang();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [index, setIndex] = useState<SearchEntry[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const uid = useId();
  const listId = `${uid}-results`;
  const optionId = (i: number) => `${uid}-option-${i}`;

  useEffect(() => {
    let cancelled = false;
    loadIndex(lang).then(
      (data) => {
        if (!cancelled) setIndex(data);
      },
      (error: unknown) => {
        if (!cancelled) setFailed(lang === DEFAULT_LANG && error instanceof Error ? error.message : t('failed'));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [lang, t]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      input.current?.focus();
      input.current?.select();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const terms = useMemo(() => queryTerms(query), [query]);
  const results = useMemo(() => {
    if (!index) return [];
    return terms.length === 0 ? lessonResults(index) : search(index, query);
  }, [index, query, terms]);

  useEffect(() => setActive(0), [query]);

  // Keep the active option in view.
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active, results]);

  function go(result: SearchResult | undefined) {
    if (!result) return;
    onClose(true);
    router.push(result.href);
  }

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + results.length) % results.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(results[active]);
    }
  }

  /** Escape closes; Tab and Shift+Tab cycle through the dialog's own controls. */
  function onDialogKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose(false);
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('input, button, [href]:not([tabindex="-1"])') ?? [])];
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable.at(-1)!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function onOptionClick(event: MouseEvent<HTMLAnchorElement>, result: SearchResult) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(result);
  }

  const status = failed
    ? failed
    : !index
      ? t('loading')
      : terms.length === 0
        ? t('lessons', { count: results.length })
        : results.length === 0
          ? t('none', { query: query.trim() })
          : t('results', { count: results.length });

  return (
    <dialog
      ref={dialog}
      aria-label={t('label')}
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
      onKeyDown={onDialogKeyDown}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (event.target === dialog.current) onClose(false);
      }}
      className="m-0 mx-auto mt-[8vh] max-h-[84vh] w-[min(40rem,calc(100vw-1.5rem))] max-w-none overflow-hidden rounded-xl border border-(--border-strong) bg-(--page-bg) p-0 text-(--page-fg) shadow-2xl backdrop:bg-zinc-950/50 backdrop:backdrop-blur-[2px]"
    >
      <div className="flex max-h-[84vh] flex-col">
        <div className="flex items-center gap-3 border-b border-(--border) px-4">
          <SearchIcon className="shrink-0 text-(--muted-fg)" />
          <input
            ref={input}
            type="text"
            enterKeyHint="go"
            role="combobox"
            aria-label={t('label')}
            aria-expanded={results.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={results.length > 0 ? optionId(active) : undefined}
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            placeholder={t('label')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onInputKeyDown}
            className="h-14 min-w-0 flex-1 bg-transparent text-base outline-none placeholder:text-(--muted-fg)"
          />
          <button
            type="button"
            onClick={() => onClose(false)}
            className="rounded-md border border-(--border-strong) px-1.5 py-0.5 text-xs text-(--muted-fg) hover:text-(--page-fg)"
          >
            <span aria-hidden="true">Esc</span>
            <span className="sr-only">{t('closeSr')}</span>
          </button>
        </div>

        <p role="status" className="sr-only">
          {status}
        </p>

        <div id={listId} role="listbox" aria-label={t('resultsLabel')} className="min-h-0 flex-1 overflow-y-auto p-2">
          {results.map((result, i) => (
            <a
              key={result.href}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              href={result.href}
              tabIndex={-1}
              onMouseMove={() => {
                if (i !== active) setActive(i);
              }}
              onClick={(event) => onOptionClick(event, result)}
              className="block rounded-lg px-3 py-2.5 aria-selected:bg-(--surface-strong)"
            >
              <span className="block text-xs text-(--muted-fg)">
                Part {result.part}
                {result.kind !== 'lesson' && <> · {result.lessonTitle}</>}
              </span>
              <span className="mt-0.5 flex items-baseline gap-2 font-semibold">
                {result.kind !== 'lesson' && (
                  <span aria-hidden="true" className="text-(--muted-fg)">
                    #
                  </span>
                )}
                <span>
                  <Highlighted text={result.title} terms={result.highlight} />
                </span>
              </span>
              {result.context && (
                <span className="mt-0.5 line-clamp-2 block text-sm text-(--muted-fg)">
                  <Highlighted text={result.context} terms={result.highlight} />
                </span>
              )}
            </a>
          ))}
          {index && results.length === 0 && (
            <p className="px-3 py-8 text-center text-sm text-(--muted-fg)">{status}.</p>
          )}
          {!index && <p className="px-3 py-8 text-center text-sm text-(--muted-fg)">{status}</p>}
        </div>

        <p className="hidden items-center gap-4 border-t border-(--border) px-4 py-2 text-xs text-(--muted-fg) sm:flex" aria-hidden="true">
          <span>
            {t.rich('move', { kbd: (chunks) => <kbd className="font-sans">{chunks}</kbd> })}
          </span>
          <span>
            {t.rich('open', { kbd: (chunks) => <kbd className="font-sans">{chunks}</kbd> })}
          </span>
          <span>
            {t.rich('close', { kbd: (chunks) => <kbd className="font-sans">{chunks}</kbd> })}
          </span>
        </p>
      </div>
    </dialog>
  );
}
