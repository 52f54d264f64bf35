import "server-only";
import { createHighlighter, type Highlighter } from "shiki";

/** Shiki on the server, in the same two themes as the lesson prose (see render.tsx). */
const THEMES = { light: "github-light", dark: "github-dark" } as const;
const LANGS = ["typescript", "javascript"] as const;

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter() {
  highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: [...LANGS] });
  return highlighter;
}

export function languageOf(file: string): (typeof LANGS)[number] {
  return /\.(m?js|cjs)$/.test(file) ? "javascript" : "typescript";
}

/** HTML of a highlighted <pre class="shiki"> (token colours as --shiki-light / --shiki-dark). */
export async function highlight(code: string, file: string): Promise<string> {
  const shiki = await getHighlighter();
  return shiki.codeToHtml(code.replace(/\n$/, ""), { lang: languageOf(file), themes: THEMES, defaultColor: false });
}
