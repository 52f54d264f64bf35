'use client';

import { useEffect, useRef, type RefObject } from 'react';
import { decodeShare, parseHash, ShareError } from '../editor/share';

/**
 * The playground a hash names: `#<block>`, `#<snippet>?variant=<v>` (the
 * block of that snippet showing `v`), with or without shared `&code=`.
 */
function resolveBlock(target: string, variant: string | null): HTMLElement | null {
  const blocks = [...document.querySelectorAll<HTMLElement>('[data-playground]')];
  const shows = (block: HTMLElement) => !variant || (block.dataset.variants ?? '').split(' ').includes(variant);
  const byId = blocks.find((block) => block.id === target);
  if (byId && shows(byId)) return byId;
  const snippet = byId?.dataset.playground ?? target;
  const same = blocks.filter((block) => block.dataset.playground === snippet);
  return same.find(shows) ?? byId ?? null;
}

export interface LinkActions {
  selectVariant(variant: string): void;
  openShared(variant: string | null, files: Record<string, string>): void;
  sharedFailed(message: string): void;
}

/**
 * Follows links to this playground, on load and on every hash change: picks
 * the variant, scrolls the block into view and opens shared code, checked
 * against the run API's limits and this playground's file names first.
 */
export function useLinkTarget(
  block: RefObject<HTMLElement | null>,
  variants: readonly { id: string; files: readonly { name: string }[] }[],
  actions: LinkActions,
) {
  const latest = useRef({ variants, actions });
  latest.current = { variants, actions };

  useEffect(() => {
    let generation = 0;
    async function follow() {
      const current = ++generation;
      const link = parseHash(window.location.hash);
      const element = block.current;
      if (!link || !element || resolveBlock(link.target, link.variant) !== element) return;
      const { variants, actions } = latest.current;
      const variant = variants.find((v) => v.id === link.variant) ?? null;
      if (variant) actions.selectVariant(variant.id);
      // The browser found no element for a hash with a query: open what hides the block
      // (a collapsed <Solution>) and scroll to it ourselves.
      for (let details = element.closest('details'); details; details = details.parentElement?.closest('details') ?? null) {
        details.open = true;
      }
      // Not in a frame (an embed): scrolling there would scroll the host's page to the embed too.
      if (window.parent === window) requestAnimationFrame(() => element.scrollIntoView({ block: 'start' }));
      if (link.code === null) return;
      const target = variant ?? variants[0]!;
      try {
        const shared = await decodeShare(link.code, target.files.map((f) => f.name));
        if (current === generation) actions.openShared(variant?.id ?? null, shared.files);
      } catch (error) {
        if (current !== generation) return;
        actions.sharedFailed(error instanceof ShareError ? error.message : 'The link’s code could not be read.');
      }
    }
    void follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [block]);
}
