'use client';

import { useLang } from '../i18n/useLang';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { parseEmbedOptions, resolveEmbed } from '../../_lib/embed/options';
import { parseHash } from '../editor/share';
import { PlaygroundOptionsContext, type PlaygroundOptions, type ShownCode } from '../playground/options';
import PlaygroundBlock from '../playground/PlaygroundBlock';
import type { PlaygroundData } from '../playground/types';
import { keepNothingInStorage } from '../storage/persistence';
import EmbedError from './EmbedError';
import EmbedLink from './EmbedLink';

// Before anything renders: an embed keeps nothing in the browser's storage (see persistence.ts).
if (typeof window !== 'undefined') keepNothingInStorage();

const subscribeNothing = () => () => {};
const readSearch = () => window.location.search;
const noSearch = () => null;

/**
 * Whether code has come in through the address hash, now or since the page opened (it
 * stays true). Such code is someone else's, chosen by whoever wrote the address: it runs
 * only when the reader presses Run, never by `autorun`.
 */
let hashCodeSeen = false;
const subscribeHash = (changed: () => void) => {
  window.addEventListener('hashchange', changed);
  return () => window.removeEventListener('hashchange', changed);
};
const readHashCode = () => (hashCodeSeen ||= parseHash(window.location.hash)?.code != null);
const noHashCode = () => false;

/** Never an exercise's solution next to its starter, as on the lesson page. */
function narrow(data: PlaygroundData, variant: string): PlaygroundData {
  const spoiler = (id: string) => variant === 'starter' && id === 'solution';
  return { ...data, variants: data.variants.filter((v) => !spoiler(v.id)), others: [], initialVariant: variant };
}

/**
 * The playground of an embed, set up from its query string (read in the
 * browser: the page is built once per snippet). Until then — the static
 * HTML — it shows the snippet's first variant, hidden meanwhile when the
 * query asks for another layout (app/embed/layout.tsx).
 */
export default function EmbedPlayground({ data, lessonTitle }: { data: PlaygroundData; lessonTitle: string }) {
  const search = useSyncExternalStore(subscribeNothing, readSearch, noSearch);
  const hashCode = useSyncExternalStore(subscribeHash, readHashCode, noHashCode);
  const options = useMemo(() => parseEmbedOptions(new URLSearchParams(search ?? '')), [search]);
  const choice = resolveEmbed(options, data.variants);
  const variant = choice.ok ? choice.variant : null;
  const file = choice.ok ? choice.file : null;
  const view = useMemo(() => (variant ? narrow(data, variant) : null), [data, variant]);
  const [shown, setShown] = useState<ShownCode | null>(null);

  useEffect(() => {
    if (search !== null) delete document.documentElement.dataset.embedPending;
  }, [search]);

  // The frame's document is built in English (app/embed/layout.tsx); a Korean embed says it is Korean.
  const lang = useLang();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const hosted: PlaygroundOptions = useMemo(
    () => ({
      embed: true,
      readOnly: options.readOnly,
      outputOnly: options.outputOnly,
      initialFile: file,
      autorun: options.autorun && !hashCode,
      trace: options.trace,
      onShownCode: setShown,
    }),
    [options, file, hashCode],
  );

  if (!choice.ok) {
    return (
      <EmbedError title={`This snippet has no ${choice.option} “${choice.value}”.`}>
        <p>
          {choice.option === 'variant' ? 'Its variants' : 'Its files'}:{' '}
          {choice.available.map((name, index) => (
            <span key={name}>
              {index > 0 && ', '}
              <code>{name}</code>
            </span>
          ))}
          . Fix the <code>{choice.option}=</code> in the embed’s address.
        </p>
      </EmbedError>
    );
  }

  return (
    <PlaygroundOptionsContext value={hosted}>
      <div className="[&>[data-playground]]:my-0">
        {/* Keyed by the query: the block sets itself up from the options once, when it mounts. */}
        <PlaygroundBlock key={search ?? ''} data={view ?? data} />
      </div>
      <EmbedLink lesson={data.lesson} snippet={data.id} lessonTitle={lessonTitle} shown={shown} />
    </PlaygroundOptionsContext>
  );
}
