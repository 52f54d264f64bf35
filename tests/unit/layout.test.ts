/**
 * The code's layout rules (README, Layout): the engine depends on no website,
 * lesson or classroom code, and the standalone runner's bundle carries no
 * Markdown toolchain.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath ?? (entry as { path?: string }).path, entry.name)));
}

/** Project folders a file imports from (relative imports only; packages are not folders of ours). */
function importedFolders(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  return specifiers.filter((s) => s.startsWith(".")).map((s) => relative(ROOT, resolve(ROOT, file, "..", s)).split("/")[0]!);
}

describe("the layout", () => {
  it("keeps the runner and the workshop off the website, the runner off the workshop, and the fleet on the runner's API alone", () => {
    const problems: string[] = [];
    for (const file of [...sources("runner"), ...sources("workshop"), ...sources("content"), ...sources("fleet")]) {
      for (const folder of importedFolders(file)) {
        if (folder === "app") problems.push(`${file} imports app/`);
        if (file.startsWith("runner/") && folder === "workshop") problems.push(`${file} imports workshop/`);
        if (file.startsWith("fleet/") && folder !== "fleet" && folder !== "runner") problems.push(`${file} imports ${folder}/`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("type-checks every TypeScript module (tsconfig.json includes every folder that has one)", () => {
    const include: string[] = JSON.parse(readFileSync(join(ROOT, "tsconfig.json"), "utf8")).include;
    const ignored = new Set(["node_modules", "dist", ".next", ".git"]);
    const missing = readdirSync(ROOT, { withFileTypes: true })
      .filter((entry) => !ignored.has(entry.name) && !entry.name.startsWith("."))
      .filter((entry) => (entry.isDirectory() ? sources(entry.name).length > 0 : /\.(ts|tsx)$/.test(entry.name)))
      .map((entry) => entry.name)
      .filter((name) => !include.includes(name));
    expect(missing).toEqual([]);
  });

  it("keeps the run protocol browser-safe (no Node built-ins)", () => {
    for (const file of sources("runner/protocol")) {
      const code = readFileSync(join(ROOT, file), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, "");
      expect(code, file).not.toMatch(/from\s*["']node:|\bBuffer\b|\bprocess\./);
    }
  });

  it("bundles the standalone runner without the MDX toolchain", async () => {
    const result = await build({
      entryPoints: [join(ROOT, "runner/main.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      packages: "external",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const external = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    const inputs = Object.keys(result.metafile.inputs);
    expect(external.filter((p) => /remark|unified|mdx|mdast|unist|yaml|github-slugger|shiki|react|next/.test(p))).toEqual([]);
    expect(inputs.filter((p) => p.startsWith("app/"))).toEqual([]);
  });
});
