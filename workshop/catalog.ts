/**
 * What the workshop module knows of the lessons: enough to validate workshop
 * items, focus targets and broadcasts. The site builds it from its lesson
 * folders (server.ts); the module never reads lesson files itself.
 */
import type { Lesson } from "../content/types";
import { defaultProcesses as runDefault, type ProcessDef } from "../runner/protocol";

export interface CatalogVariant {
  id: string;
  files: Record<string, string>;
  processes?: ProcessDef[];
}

export interface CatalogSnippet {
  id: string;
  title: string;
  variants: CatalogVariant[];
}

export interface CatalogLesson {
  slug: string;
  title: string;
  /** Section anchors (heading slugs) a focus may point at, besides snippet ids. */
  anchors: string[];
  snippets: CatalogSnippet[];
}

export interface Catalog {
  lessons(): CatalogLesson[];
}

/** What the catalog reads of a loaded lesson (content/types.ts). */
type LessonLike = Pick<Lesson, "slug" | "title" | "headings" | "snippetDetails">;

export function catalogFromLessons(load: () => LessonLike[]): Catalog {
  // Every workshop request validates against the catalog: map the lessons once per loaded set, not per request.
  let last: { from: LessonLike[]; lessons: CatalogLesson[] } | undefined;
  return {
    lessons() {
      const from = load();
      if (last?.from !== from) {
        last = {
          from,
          lessons: from.map((lesson) => ({
            slug: lesson.slug,
            title: lesson.title,
            anchors: lesson.headings.map((h) => h.slug),
            snippets: lesson.snippetDetails.map((s) => ({ id: s.id, title: s.title, variants: s.variants })),
          })),
        };
      }
      return last.lessons;
    },
  };
}

export function findLesson(catalog: Catalog, slug: string): CatalogLesson | undefined {
  return catalog.lessons().find((l) => l.slug === slug);
}

/**
 * The processes code sent to a snippet runs with by default: the snippet's
 * own (its first variant that names some) when the files have their entries,
 * else what a run of those files starts by itself — or a 400 when a run
 * could not tell either (the runner would refuse it).
 */
export function defaultProcesses(snippet: CatalogSnippet, files: string[]): ProcessDef[] {
  const declared = snippet.variants.find((v) => v.processes?.length)?.processes;
  if (declared && declared.every((p) => files.includes(p.entry))) return declared.map((p) => ({ ...p }));
  return runDefault(files);
}
