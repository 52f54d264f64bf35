'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { editsKey, readRaw } from '../editor/savedEdits';
import { workshopApi, type BroadcastProcess, type Summary } from './api';
import { useErrorText } from './errorText';
import { ERROR_TEXT, FIELD, LABEL, SMALL } from './styles';
import { workshopSnippets, type LessonOutline } from './types';

interface LessonVariant {
  id: string;
  label: string;
  files: Record<string, string>;
  processes?: BroadcastProcess[];
}

/** A saved-edits entry as stored (savedEdits.ts), read without its hash check: the instructor sees the code before sending. */
function readSaved(key: string): { files?: Record<string, string>; savedAt?: number } | null {
  try {
    return JSON.parse(readRaw(key) ?? 'null') as { files?: Record<string, string>; savedAt?: number } | null;
  } catch {
    return null;
  }
}

/** A snippet variant's code from the public lessons API, with this browser's saved edits on top (the instructor's own code). */
async function instructorCode(lesson: string, snippet: string) {
  const response = await fetch(`/api/lessons/${encodeURIComponent(lesson)}`);
  if (!response.ok) return null;
  const detail = (await response.json()) as { snippets: { id: string; variants: LessonVariant[] }[] };
  const variants = detail.snippets.find((s) => s.id === snippet)?.variants ?? [];
  // The variant the instructor edited last wins; else the first one (starter for exercises, the code otherwise).
  let best: { variant: LessonVariant; files: Record<string, string>; savedAt: number } | null = null;
  for (const variant of variants) {
    const saved = readSaved(editsKey(lesson, snippet, variant.id));
    const files = { ...variant.files };
    for (const [name, code] of Object.entries(saved?.files ?? {})) if (name in files && typeof code === 'string') files[name] = code;
    const savedAt = saved?.savedAt ?? -1;
    if (!best || savedAt > best.savedAt) best = { variant, files, savedAt };
  }
  return best;
}

/** Sends code to every learner's playground of a snippet, as a new "From instructor" tab. */
export default function BroadcastForm({ code, summary, catalog }: { code: string; summary: Summary; catalog: readonly LessonOutline[] }) {
  const id = useId();
  const t = useTranslations('workshop');
  const errorText = useErrorText();
  const snippets = workshopSnippets(summary.items, catalog).map((s) => ({ value: `${s.lesson}/${s.id}`, label: s.label }));
  const [target, setTarget] = useState(() => {
    const first = summary.items.find((i) => i.snippet);
    return first ? `${first.lesson}/${first.snippet}` : (snippets[0]?.value ?? '');
  });
  const [files, setFiles] = useState<Record<string, string> | null>(null);
  const [processes, setProcesses] = useState<BroadcastProcess[] | undefined>(undefined);
  const [title, setTitle] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: string | null; sent: string | null }>({ busy: false, error: null, sent: null });

  useEffect(() => {
    let cancelled = false;
    setFiles(null);
    const [lesson, snippet] = target.split('/');
    if (!lesson || !snippet) return;
    void instructorCode(lesson, snippet).then((found) => {
      if (cancelled) return;
      setFiles(found?.files ?? null);
      setProcesses(found?.variant.processes);
    });
    return () => {
      cancelled = true;
    };
  }, [target]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const [lesson, snippet] = target.split('/');
    if (!lesson || !snippet || !files) return;
    setState({ busy: true, error: null, sent: null });
    const result = await workshopApi.broadcast(code, {
      lesson,
      snippet,
      ...(title.trim() ? { title: title.trim() } : {}),
      files: Object.entries(files).map(([name, content]) => ({ name, content })),
      ...(processes ? { processes } : {}),
    });
    setState(result.ok ? { busy: false, error: null, sent: t('broadcast.sent') } : { busy: false, error: errorText(result.error), sent: null });
  }

  if (snippets.length === 0) return null;
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={t('board.sendCode')}>
      <p className="text-sm text-(--muted-fg)">
        {t('broadcast.help')}
      </p>
      <div className="space-y-1">
        <label htmlFor={`${id}-snippet`} className={LABEL}>
          {t('broadcast.snippet')}
        </label>
        <select id={`${id}-snippet`} value={target} onChange={(event) => setTarget(event.target.value)} className={FIELD}>
          {snippets.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-label`} className={LABEL}>
          {t('broadcast.title')} <span className="font-normal text-(--muted-fg)">{t('common.optional')}</span>
        </label>
        <input id={`${id}-label`} value={title} maxLength={80} onChange={(event) => setTitle(event.target.value)} className={FIELD} />
      </div>
      {files ? (
        Object.entries(files).map(([name, content]) => (
          <div key={name} className="space-y-1">
            <label htmlFor={`${id}-${name}`} className={`${LABEL} font-mono`}>
              {name}
            </label>
            <textarea
              id={`${id}-${name}`}
              data-file={name}
              value={content}
              spellCheck={false}
              rows={Math.min(14, content.split('\n').length + 1)}
              onChange={(event) => setFiles({ ...files, [name]: event.target.value })}
              className={`${FIELD} font-mono text-xs sm:text-xs`}
            />
          </div>
        ))
      ) : (
        <p className="text-sm text-(--muted-fg)">{t('broadcast.loading')}</p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={SMALL} disabled={state.busy || !files}>
          {t('broadcast.submit')}
        </button>
        <p role="status" className="text-sm text-(--muted-fg) empty:hidden">
          {state.sent}
        </p>
      </div>
      {state.error && (
        <p role="alert" className={ERROR_TEXT}>
          {state.error}
        </p>
      )}
    </form>
  );
}
