/** Where lessons are on disk and how their folders are named (lessons/README.md). */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** A problem in a lesson's files: the message names the file, and the build stops on it. */
export class LessonError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** NN-words-with-dashes: NN is the part number, the whole name is the URL slug. */
const LESSON_FOLDER = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function lessonsRoot(): string {
  return process.env.LESSONS_DIR ?? join(process.cwd(), "lessons");
}

/** Names a path in messages as the author sees it: relative to the project (the folder above lessons/). */
export type PathName = (path: string) => string;

export function pathName(root: string): PathName {
  const project = join(root, "..");
  return (path) => relative(project, path) || path;
}

export interface LessonFolder {
  dir: string;
  slug: string;
  part: number;
}

/** The lesson folders under `root`, in name order; a LessonError for a badly named one or two of one part. */
export function lessonFolders(root: string, name: PathName = pathName(root)): LessonFolder[] {
  const folders: LessonFolder[] = [];
  const parts = new Map<number, string>();
  for (const slug of readdirSync(root).sort()) {
    const dir = join(root, slug);
    if (!statSync(dir).isDirectory()) continue;
    const match = LESSON_FOLDER.exec(slug);
    if (!match) throw new LessonError(name(dir), `a lesson folder is named NN-words-with-dashes (e.g. 05-performance-and-security)`);
    const part = Number(match[1]);
    const other = parts.get(part);
    if (other) throw new LessonError(name(dir), `part ${part} is also ${other}`);
    parts.set(part, slug);
    folders.push({ dir, slug, part });
  }
  return folders;
}

/**
 * `load(root)` once per process (lessons change only with a deploy), except in
 * development and tests, where every call reads again so an edited lesson shows
 * at once. Not only under NODE_ENV=production: the standalone runner sets none,
 * and read the lessons again on every run (~30 ms of a room's event loop each).
 */
export function readOnce<T>(load: (root: string) => T): (root?: string) => T {
  let cache: { root: string; value: T } | undefined;
  return (root = lessonsRoot()) => {
    const fresh = process.env.NODE_ENV === "development" || process.env.NODE_ENV === "test";
    if (cache?.root === root && !fresh) return cache.value;
    const value = load(root);
    cache = { root, value };
    return value;
  };
}
