/**
 * The playground's templates: `templates/<id>/`, each one a snippet folder
 * (templates/README.md), read with the lesson snippets' own loader so the same
 * rules apply (file names, processes, limits, `expect`). No MDX, no Next.js.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { LessonError, pathName } from "./folders";
import { loadSnippet } from "./snippets";
import type { Snippet, Variant } from "./types";

export function templatesRoot(): string {
  return process.env.TEMPLATES_DIR ?? join(process.cwd(), "templates");
}

export interface Template {
  id: string;
  title: string;
  /** The one variant (`main/`): its files, processes, time limit and what a run shows. */
  variant: Variant;
}

/** Every template under `root`, in folder-name order; a LessonError names a bad one. */
export function loadTemplates(root: string = templatesRoot()): Template[] {
  if (!existsSync(root)) return [];
  const name = pathName(root);
  return readdirSync(root)
    .sort()
    .filter((id) => statSync(join(root, id)).isDirectory())
    .map((id) => asTemplate(loadSnippet(join(root, id), id, name), name(join(root, id))));
}

function asTemplate(snippet: Snippet, where: string): Template {
  const [variant, ...more] = snippet.variants;
  if (!variant || variant.id !== "main" || more.length > 0) throw new LessonError(where, `a template has exactly one variant, "main"`);
  return { id: snippet.id, title: snippet.title, variant };
}
