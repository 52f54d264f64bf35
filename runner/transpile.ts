import { createHash } from "node:crypto";
import { builtinModules } from "node:module";
import * as esbuild from "esbuild";
import type { SourceLocation } from "./types";

/** Where the run's files appear inside the sandbox; source maps point here. */
export const CODE_DIR = "/code";

export interface TranspileResult {
  /**
   * Output file name (relative to CODE_DIR) → JavaScript with an inline source map:
   * ES modules (`.mjs`, shared code split into `_chunk-*.mjs`) and CommonJS entries (`.cjs`).
   */
  outputs: Record<string, string>;
  /** Source entry (e.g. "server.ts") → output file to start (e.g. "server.mjs", or "server.cjs" for CommonJS). */
  entries: Record<string, string>;
}

export class TranspileError extends Error {
  constructor(readonly errors: SourceLocation[]) {
    super(errors.map(formatLocation).join("\n"));
  }
}

export function formatLocation(error: SourceLocation): string {
  return error.line > 0 ? `${error.file}:${error.line}:${error.column}: ${error.message}` : `${error.file}: ${error.message}`;
}

const BUILTINS = new Set(builtinModules);
/**
 * The packages a run may load → the specifier Node's resolver needs. zeromq has no
 * "exports" map, so the ES module loader finds a subpath only by its full file name;
 * `require()` finds it either way.
 */
const ALLOWED_PACKAGES = new Map([
  ["zeromq", "zeromq"],
  ["zeromq/v5-compat", "zeromq/v5-compat.js"],
  ["zeromq/v5-compat.js", "zeromq/v5-compat.js"],
]);
const JS_EXTENSION = /\.(ts|mts|cts|js|mjs|cjs)$/;

/** The learner's file that `./common`, `./common.ts` or `./common.js` stands for. */
export function resolveLocalImport(spec: string, files: Record<string, string>): string | undefined {
  const name = spec.replace(/^\.\//, "");
  if (name.includes("/")) return undefined;
  if (Object.hasOwn(files, name)) return name;
  const stem = name.replace(JS_EXTENSION, "");
  // As TypeScript resolves them: "./x.js" may name x.ts, "./x.mjs" x.mts, "./x.cjs" x.cts.
  const candidates = name.endsWith(".js")
    ? [`${stem}.ts`, `${stem}.mts`, `${stem}.mjs`, `${stem}.cts`, `${stem}.cjs`]
    : name.endsWith(".mjs")
      ? [`${stem}.mts`, `${stem}.js`, `${stem}.ts`]
      : name.endsWith(".cjs")
        ? [`${stem}.cts`, `${stem}.js`, `${stem}.ts`]
        : [`${name}.ts`, `${name}.mts`, `${name}.js`, `${name}.mjs`, `${name}.cts`, `${name}.cjs`];
  return candidates.find((candidate) => Object.hasOwn(files, candidate));
}

/**
 * How Node runs an entry: `.mjs`/`.mts` as an ES module, `.cjs`/`.cts` as CommonJS,
 * and `.js`/`.ts` as an ES module when it has module syntax (import, export,
 * top-level await), else as CommonJS (Node's default for a file outside a
 * `"type": "module"` package). `detected` is esbuild's reading of the file.
 */
export function entryFormat(entry: string, detected: "esm" | "cjs" | undefined): "esm" | "cjs" {
  if (/\.m[jt]s$/.test(entry)) return "esm";
  if (/\.c[jt]s$/.test(entry)) return "cjs";
  return detected === "esm" ? "esm" : "cjs";
}

/** Output stems: the entry's stem, or its whole name where two entries share a stem (server.ts, server.js). */
function outputStems(entries: string[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.replace(JS_EXTENSION, ""), (counts.get(entry.replace(JS_EXTENSION, "")) ?? 0) + 1);
  return new Map(entries.map((entry) => {
    const stem = entry.replace(JS_EXTENSION, "");
    return [entry, counts.get(stem) === 1 ? stem : entry];
  }));
}

/** Namespaces of the modules the plugin makes up (see `requireShim`). */
const REQUIRE_NAMESPACE = "runner-require";
const REQUIRE_FN_NAMESPACE = "runner-require-fn";

/**
 * Resolves the run's files in memory and keeps `zeromq` and Node's built-ins
 * external. In an ES module bundle, a CommonJS file's `require("zeromq")` cannot
 * stay a require (there is none in an ES module): it becomes a small module that
 * asks Node's own `require`, made with createRequire, so it gets the real
 * `module.exports`.
 */
function runFilesPlugin(files: Record<string, string>, format: "esm" | "cjs"): esbuild.Plugin {
  return {
    name: "run-files",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return { path: `${CODE_DIR}/${args.path}`, namespace: "file" };
        if (args.namespace === REQUIRE_NAMESPACE) return { path: "require", namespace: REQUIRE_FN_NAMESPACE };
        const spec = args.path;
        if (spec.startsWith("./") || spec.startsWith("../") || spec.startsWith("/")) {
          const file = spec.startsWith("./") ? resolveLocalImport(spec, files) : undefined;
          if (!file) {
            return {
              errors: [{ text: `Cannot find "${spec}": the run has ${Object.keys(files).map((f) => `./${f}`).join(", ")}` }],
            };
          }
          return { path: `${CODE_DIR}/${file}`, namespace: "file" };
        }
        const bare = spec.startsWith("node:") ? spec.slice(5) : spec;
        const allowed = BUILTINS.has(bare) || BUILTINS.has(bare.split("/")[0]!) ? spec : ALLOWED_PACKAGES.get(spec);
        if (allowed !== undefined) {
          if (format === "esm" && args.kind === "require-call") return { path: allowed, namespace: REQUIRE_NAMESPACE };
          return { path: allowed, external: true };
        }
        return {
          errors: [{ text: `Cannot import "${spec}": only "zeromq", "zeromq/v5-compat", Node's built-in modules and the run's own files are available` }],
        };
      });
      build.onLoad({ filter: /.*/, namespace: REQUIRE_NAMESPACE }, (args) => ({
        contents: `module.exports = require("runner:require").default(${JSON.stringify(args.path)});`,
        loader: "js",
      }));
      build.onLoad({ filter: /.*/, namespace: REQUIRE_FN_NAMESPACE }, () => ({
        contents: `import { createRequire } from "node:module";\nexport default createRequire(import.meta.url);`,
        loader: "js",
      }));
      build.onLoad({ filter: /.*/, namespace: "file" }, (args) => {
        const name = args.path.slice(CODE_DIR.length + 1);
        const contents = Object.hasOwn(files, name) ? files[name] : undefined;
        if (contents === undefined) return { errors: [{ text: `No file named ${name}` }] };
        return { contents, loader: name.endsWith("ts") ? "ts" : "js", resolveDir: CODE_DIR };
      });
    },
  };
}

type Build = esbuild.BuildResult<{ write: false; metafile: true }>;

async function build(files: Record<string, string>, entries: string[], stems: Map<string, string>, format: "esm" | "cjs"): Promise<Build> {
  try {
    return await esbuild.build({
      entryPoints: entries.map((entry) => ({ in: entry, out: stems.get(entry)! })),
      bundle: true,
      // Shared files become chunks instead of being copied into each entry (ES modules only).
      splitting: format === "esm",
      format,
      platform: "node",
      target: "node20",
      outdir: CODE_DIR,
      outExtension: { ".js": format === "esm" ? ".mjs" : ".cjs" },
      chunkNames: "_chunk-[hash]",
      sourcemap: "inline",
      // With the sources in the map, Node's own report of an uncaught exception
      // shows the learner's line (file:line, the line, a caret), not the bundle's.
      sourcesContent: true,
      write: false,
      metafile: true,
      logLevel: "silent",
      absWorkingDir: "/",
      plugins: [runFilesPlugin(files, format)],
      // Learners' stack traces and messages should show their names.
      keepNames: true,
    });
  } catch (error) {
    const failure = error as esbuild.BuildFailure;
    if (Array.isArray(failure.errors)) throw new TranspileError(failure.errors.map(toLocation));
    throw error;
  }
}

/** Output files of `result` that the outputs named in `roots` load, themselves included. */
function reachableOutputs(result: Build, roots: string[]): Set<string> {
  const keep = new Set<string>();
  const visit = (path: string) => {
    if (keep.has(path)) return;
    keep.add(path);
    for (const imported of result.metafile.outputs[path]?.imports ?? []) if (!imported.external) visit(imported.path);
  };
  for (const root of roots) visit(root);
  return keep;
}

/**
 * Bundles each entry with esbuild: TypeScript types are stripped (the editor
 * checks them), imports between the run's files are resolved in memory, and
 * `zeromq` plus Node's built-ins stay external so the sandbox loads the real ones.
 * Each entry runs as Node would run it (see `entryFormat`): ES module entries
 * share one build, split into chunks; CommonJS entries get a build of their own,
 * so `require`, `module.exports`, `require.main === module` and `__dirname` are Node's.
 */
export async function transpile(files: Record<string, string>, entries: string[]): Promise<TranspileResult> {
  const unique = [...new Set(entries)];
  const stems = outputStems(unique);
  // One ES module build of every entry: it reports the errors, and tells each file's format.
  const esm = await build(files, unique, stems, "esm");
  const detected = (entry: string) => esm.metafile.inputs[`${CODE_DIR.slice(1)}/${entry}`]?.format;
  const cjsEntries = unique.filter((entry) => entryFormat(entry, detected(entry)) === "cjs");
  const esmEntries = unique.filter((entry) => !cjsEntries.includes(entry));

  const outputs: Record<string, string> = {};
  const resultEntries: Record<string, string> = {};
  const keep = reachableOutputs(esm, esmEntries.map((entry) => `${CODE_DIR.slice(1)}/${stems.get(entry)}.mjs`));
  for (const file of esm.outputFiles) {
    const name = file.path.slice(CODE_DIR.length + 1);
    if (keep.has(`${CODE_DIR.slice(1)}/${name}`)) outputs[name] = file.text;
  }
  for (const entry of esmEntries) resultEntries[entry] = `${stems.get(entry)}.mjs`;
  if (cjsEntries.length > 0) {
    const cjs = await build(files, cjsEntries, stems, "cjs");
    for (const file of cjs.outputFiles) outputs[file.path.slice(CODE_DIR.length + 1)] = file.text;
    for (const entry of cjsEntries) resultEntries[entry] = `${stems.get(entry)}.cjs`;
  }
  return { outputs, entries: Object.fromEntries(unique.map((entry) => [entry, resultEntries[entry]!])) };
}

/**
 * Compile errors as the learner's stderr shows them: where, what, and a code
 * frame (the line and a caret under the column), like a compiler's.
 */
export function formatCompileErrors(errors: SourceLocation[], files: Record<string, string>): string {
  return errors
    .map((error) => {
      const head = `${formatLocation({ ...error, message: `error: ${error.message}` })}\n`;
      const source = Object.hasOwn(files, error.file) ? files[error.file]! : undefined;
      return head + (source === undefined ? "" : codeFrame(source, error.line, error.column));
    })
    .join("\n");
}

/** The line `line` of `source` with its number, and a caret under `column` (both 1-based); "" when out of range. */
export function codeFrame(source: string, line: number, column: number): string {
  const text = source.split(/\r?\n/)[line - 1];
  if (line < 1 || text === undefined) return "";
  const gutter = `${line} | `;
  // Tabs stay tabs, so the caret lines up whatever the terminal's tab width.
  const pad = [...text.slice(0, Math.max(0, column - 1))].map((c) => (c === "\t" ? "\t" : " ")).join("");
  return `${gutter}${text}\n${" ".repeat(gutter.length - 2)}| ${pad}^\n`;
}

function toLocation(message: esbuild.Message): SourceLocation {
  const location = message.location;
  const file = location?.file ? location.file.replace(/^.*\//, "") : "(run)";
  return {
    file,
    line: location?.line ?? 0,
    // esbuild counts columns from 0; editors and Node count from 1.
    column: location ? location.column + 1 : 0,
    message: message.text,
  };
}

/**
 * Remembers recent results by content: a lesson's snippet is run unchanged by
 * many learners, and a cache hit saves the whole esbuild call. Failures are
 * remembered too (the same typo gives the same errors).
 */
export class TranspileCache {
  private readonly entries = new Map<string, Promise<TranspileResult>>();

  constructor(private readonly capacity = 256) {}

  get(files: Record<string, string>, entries: string[]): Promise<TranspileResult> {
    const hash = createHash("sha256");
    for (const name of Object.keys(files).sort()) hash.update(`${name}\0${files[name]}\0`);
    hash.update(entries.join("\0"));
    const key = hash.digest("base64url");
    let result = this.entries.get(key);
    if (result) {
      // Refresh its place: the map's order is the eviction order.
      this.entries.delete(key);
    } else {
      result = transpile(files, entries);
      // A platform failure (not the learner's error) must not stick.
      result.catch((error: unknown) => {
        if (!(error instanceof TranspileError)) this.entries.delete(key);
      });
    }
    this.entries.set(key, result);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return result;
  }
}
