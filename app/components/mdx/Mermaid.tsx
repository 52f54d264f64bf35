'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { afterEditorStart } from '../editor/startup';

type MermaidApi = (typeof import('mermaid'))['default'];

let loading: Promise<MermaidApi> | undefined;

/** The mermaid package, loaded once, on demand (it is large). */
function loadMermaid(): Promise<MermaidApi> {
  loading ??= import('mermaid').then((module) => module.default);
  return loading;
}

// mermaid.initialize is global: draw one diagram at a time.
let queue: Promise<unknown> = Promise.resolve();

function isDark() {
  return document.documentElement.classList.contains('dark');
}

/**
 * A diagram from Mermaid text. The server renders the text as a <pre> (what
 * readers without JavaScript, or when drawing fails, see). In the browser the
 * mermaid package is imported only once the diagram scrolls near the view, and
 * the diagram is drawn again when the site's theme changes.
 */
export default function Mermaid({ chart, caption }: { chart: string; caption?: string }) {
  const figure = useRef<HTMLElement>(null);
  const [visible, setVisible] = useState(false);
  const [dark, setDark] = useState<boolean | null>(null);
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  // Start when the diagram is near the viewport.
  useEffect(() => {
    const element = figure.current;
    if (!element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Follow the site's theme (the class on <html>).
  useEffect(() => {
    setDark(isDark());
    const observer = new MutationObserver(() => setDark(isDark()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!visible || dark === null) return;
    let cancelled = false;
    const job = queue.then(async () => {
      if (cancelled) return;
      try {
        // Drawing (~600 KB of mermaid to run) waits for the page's own work, such as a
        // nearby playground's editor starting, and for the browser to be idle.
        if (!loading) await afterEditorStart();
        if (cancelled) return;
        const mermaid = await loadMermaid();
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
          theme: dark ? 'dark' : 'neutral',
          // Edge labels of the dark theme sit on a grey that is below AA for their text.
          ...(dark ? { themeVariables: { edgeLabelBackground: '#27272a' } } : {}),
          fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
        });
        const { svg: drawn } = await mermaid.render(`${id}-${dark ? 'd' : 'l'}`, chart);
        if (!cancelled) {
          setSvg(drawn);
          setFailed(null);
        }
      } catch (error) {
        if (!cancelled) setFailed(error instanceof Error ? error.message : String(error));
        // Mermaid leaves its scratch element behind on a parse error.
        document.getElementById(`d${id}-${dark ? 'd' : 'l'}`)?.remove();
      }
    });
    queue = job;
    return () => {
      cancelled = true;
    };
  }, [visible, dark, chart, id]);

  const drawn = svg !== null && failed === null;

  return (
    <figure
      ref={figure}
      data-mermaid={drawn ? 'drawn' : failed ? 'failed' : 'source'}
      className="not-prose my-8 overflow-x-auto rounded-lg border border-(--border) bg-(--page-bg) p-4"
    >
      {drawn ? (
        <div
          className="flex justify-center [&_svg]:h-auto [&_svg]:max-w-full"
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      ) : (
        <pre tabIndex={0} className="overflow-x-auto font-mono text-sm leading-relaxed text-(--muted-fg)">
          <code>{chart}</code>
        </pre>
      )}
      {failed && (
        <p role="note" className="mt-2 text-sm text-red-800 dark:text-red-300">
          This diagram could not be drawn; its source is shown instead.
        </p>
      )}
      {drawn && (
        <details className="mt-3 text-sm text-(--muted-fg)">
          <summary className="cursor-pointer select-none">Diagram source</summary>
          <pre tabIndex={0} className="mt-2 overflow-x-auto font-mono">
            <code>{chart}</code>
          </pre>
        </details>
      )}
      {caption && <figcaption className="mt-2 text-center text-sm text-(--muted-fg)">{caption}</figcaption>}
    </figure>
  );
}
