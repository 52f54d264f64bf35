import type { Lesson } from '../../../content/types';
import { preloadEditorAssets } from '../editor/preloadEditor';
import PlaygroundIsland from '../playground/PlaygroundIsland';
import { preparePlayground } from '../playground/prepare';

export interface PlaygroundProps {
  /** The snippet id: a folder in the lesson's snippets/. */
  snippet: string;
  /** Which variant to show first (default: the first one). */
  variant?: string;
  /** Bound by the lesson page; MDX only carries the id. */
  lesson?: Lesson;
  /** The element id (default: the snippet id). */
  blockId?: string;
  /** Show only `variant`, without the switcher. */
  single?: boolean;
}

/** A runnable snippet of the lesson: code highlighted on the server, run and output in the browser. */
export default async function Playground({ snippet, variant, lesson, blockId, single }: PlaygroundProps) {
  if (!lesson) throw new Error(`<Playground snippet="${snippet}"> is only available on a lesson page`);
  preloadEditorAssets();
  return <PlaygroundIsland data={await preparePlayground(lesson, snippet, variant, { blockId, single })} />;
}
