import { createHash } from "node:crypto";
import { builtinModules } from "node:module";
import * as esbuild from "esbuild";
import type { SourceLocation } from "./types";

/** Where the run's files appear inside the sandbox; source maps point here. */
export const CODE_DIR = "/code";

export interface TranspileResult {
  /** Output file name (relative to CODE_DIR) → JavaScript, ESM, with inline source maps. */
  outputs: Record<string, string>;
  /** Source entry (e.g. "server.ts") → output file to start (e.g. "server.mjs"). */
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
const ALLOWED_PACKAGES = new Set(["zeromq", "zeromq/v5-compat"]);
const JS_EXTENSION = /\.(ts|mts|js|mjs)$/;

/** The learner's file that `./common`, `./common.ts` or `./common.js` stands for. */
export function resolveLocalImport(spec: string, files: Record<string, string>): string | undefined {
  const name = spec.replace(/^\.\//, "");
  if (name.includes("/")) return undefined;
  if (Object.hasOwn(files, name)) return name;
  const stem = name.replace(JS_EXTENSION, "");
  const candidates = name.endsWith(".js")
    ? [`${stem}.ts`, `${stem}.mts`, `${stem}.mjs`]
    : name.endsWith(".mjs")
      ? [`${stem}.mts`, `${stem}.js`, `${stem}.ts`]
      : [`${name}.ts`, `${name}.mts`, `${name}.js`, `${name}.mjs`];
  return candidates.find((candidate) => Object.hasOwn(files, candidate));
}

function outputName(entry: string): string {
  return entry.replace(JS_EXTENSION, ".mjs");
}

/**
 * Bundles each entry with esbuild: TypeScript types are stripped (the editor
 * checks them), imports between the run's files are resolved in memory, and
 * `zeromq` plus Node's built-ins stay external so the sandbox loads the real ones.
 * Shared files are split into chunks instead of being duplicated per entry.
 */
export async function transpile(files: Record<string, string>, entries: string[]): Promise<TranspileResult> {
  const unique = [...new Set(entries)];
  const plugin: esbuild.Plugin = {
    name: "run-files",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return { path: `${CODE_DIR}/${args.path}`, namespace: "file" };
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
        if (BUILTINS.has(bare) || BUILTINS.has(bare.split("/")[0]!) || ALLOWED_PACKAGES.has(spec)) {
          return { path: spec, external: true };
        }
        return {
          errors: [{ text: `Cannot import "${spec}": only "zeromq", Node's built-in modules and the run's own files are available` }],
        };
      });
      build.onLoad({ filter: /.*/, namespace: "file" }, (args) => {
        const name = args.path.slice(CODE_DIR.length + 1);
        const contents = Object.hasOwn(files, name) ? files[name] : undefined;
        if (contents === undefined) return { errors: [{ text: `No file named ${name}` }] };
        return { contents, loader: name.endsWith("ts") ? "ts" : "js", resolveDir: CODE_DIR };
      });
    },
  };

  let result: esbuild.BuildResult<{ write: false; metafile: true }>;
  try {
    result = await esbuild.build({
      entryPoints: unique.map((entry) => ({ in: entry, out: entry.replace(JS_EXTENSION, "") })),
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      outdir: CODE_DIR,
      outExtension: { ".js": ".mjs" },
      chunkNames: "_chunk-[hash]",
      sourcemap: "inline",
      sourcesContent: false,
      write: false,
      metafile: true,
      logLevel: "silent",
      absWorkingDir: "/",
      plugins: [plugin],
      // Learners' stack traces and messages should show their names.
      keepNames: true,
    });
  } catch (error) {
    const failure = error as esbuild.BuildFailure;
    if (Array.isArray(failure.errors)) throw new TranspileError(failure.errors.map(toLocation));
    throw error;
  }

  const outputs: Record<string, string> = {};
  for (const file of result.outputFiles) {
    outputs[file.path.slice(CODE_DIR.length + 1)] = file.text;
  }
  return { outputs, entries: Object.fromEntries(unique.map((entry) => [entry, outputName(entry)])) };
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
