/**
 * What the workshop module knows of the lessons: enough to validate workshop
 * items, focus targets and broadcasts. The site builds it from its lesson
 * folders (server.ts); the module never reads lesson files itself.
 */
import type { ProcessDef } from "./types";

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

/** The shape of the site's loaded lessons (app/_lib/lessons/types.ts), structurally. */
interface LessonLike {
  slug: string;
  title: string;
  headings: { slug: string }[];
  snippetDetails: { id: string; title: string; variants: CatalogVariant[] }[];
}

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

/** The processes a snippet runs with by default: its first variant's, else one `main` process. */
export function defaultProcesses(snippet: CatalogSnippet, files: string[]): ProcessDef[] {
  const declared = snippet.variants.find((v) => v.processes?.length)?.processes;
  if (declared && declared.every((p) => files.includes(p.entry))) return declared.map((p) => ({ ...p }));
  const entry = files.includes("main.ts") ? "main.ts" : files[0]!;
  return [{ name: "main", entry }];
}
