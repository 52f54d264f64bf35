import type { ReactNode } from 'react';
import type { Lesson } from '../../../content/types';
import { highlight } from '../../_lib/highlight';
import { findSnippet } from '../playground/prepare';
import Collapsible from './Collapsible';
import { CheckIcon } from './icons';

export interface SolutionProps {
  title?: string;
  /** Show the code of this snippet's variant (default variant: solution). */
  snippet?: string;
  variant?: string;
  children?: ReactNode;
  /** Bound by the lesson page. */
  lesson?: Lesson;
}

/** An exercise's solution, collapsed: a snippet variant's code, or the children. */
export default async function Solution({ title, snippet, variant = 'solution', children, lesson }: SolutionProps) {
  let files: { name: string; html: string }[] = [];
  if (snippet) {
    if (!lesson) throw new Error(`<Solution snippet="${snippet}"> is only available on a lesson page`);
    const found = findSnippet(lesson, snippet).variants.find((v) => v.id === variant);
    if (!found) throw new Error(`${lesson.file}: <Solution snippet="${snippet}" variant="${variant}">: no such variant`);
    files = await Promise.all(
      Object.entries(found.files).map(async ([name, code]) => ({ name, html: await highlight(code, name) })),
    );
  }
  return (
    <Collapsible kind="Solution" title={title} icon={<CheckIcon />} tone="solution">
      {files.map((file) => (
        <figure key={file.name} className="not-prose my-3">
          {files.length > 1 && <figcaption className="mb-1 font-mono text-sm text-(--muted-fg)">{file.name}</figcaption>}
          <div
            className="text-[0.8125rem] leading-[1.6] sm:text-sm [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:border [&_pre]:border-(--border) [&_pre]:px-4 [&_pre]:py-3 [&_pre]:font-mono"
            dangerouslySetInnerHTML={{ __html: file.html }}
          />
        </figure>
      ))}
      {children}
    </Collapsible>
  );
}
