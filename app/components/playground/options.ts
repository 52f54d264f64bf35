'use client';

import { createContext, useContext } from 'react';

/** The code on show in a playground, for whoever hosts it (the embed's link back to the site carries it). */
export interface ShownCode {
  variant: string;
  files: Record<string, string>;
  edited: boolean;
}

/**
 * How a playground is hosted. The site's lessons use the defaults; an embed
 * (app/embed) sets what its query string asks for. A context rather than
 * props, so the playground's own code stays as it is on the site.
 */
export interface PlaygroundOptions {
  /** Inside an embed (hides "Copy embed code": the writer copies it from the site). */
  embed: boolean;
  readOnly: boolean;
  /** Only Run and the output: no variant switcher, files or code. */
  outputOnly: boolean;
  /** The file to open first, when the variant has it. */
  initialFile: string | null;
  /** Run once, when the playground first becomes visible. */
  autorun: boolean;
  /** Runs start traced, the Messages view open (an embed's `?trace=1`). */
  trace: boolean;
  onShownCode: ((code: ShownCode) => void) | null;
}

export const SITE_OPTIONS: PlaygroundOptions = {
  embed: false,
  readOnly: false,
  outputOnly: false,
  initialFile: null,
  autorun: false,
  trace: false,
  onShownCode: null,
};

export const PlaygroundOptionsContext = createContext<PlaygroundOptions>(SITE_OPTIONS);

export function usePlaygroundOptions(): PlaygroundOptions {
  return useContext(PlaygroundOptionsContext);
}

/** The file a variant opens with: the one asked for when it has it, else its first. */
export function initialFileOf(variant: { files: readonly { name: string }[] }, asked: string | null): string {
  return asked !== null && variant.files.some((f) => f.name === asked) ? asked : variant.files[0]!.name;
}
