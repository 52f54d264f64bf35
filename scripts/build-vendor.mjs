// Bundles the browser code the site loads lazily from its own origin (never a CDN):
// Monaco (TypeScript only: the editor core, its TS/JS tokenizers and language
// service) with its web workers, and the type definitions the editor needs
// (zeromq and Node's) — into public/vendor/monaco/.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

// Packages whose "exports" hide package.json: find their folder under node_modules.
const packageDir = (name) => join(process.cwd(), "node_modules", name);
const out = "public/vendor/monaco";
const monacoRoot = packageDir("monaco-editor");
const editorDir = join(monacoRoot, "esm/vs/editor");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// editor.main.js registers ~80 languages and the CSS/HTML/JSON services; keep TypeScript/JavaScript.
const main = readFileSync(join(editorDir, "editor.main.js"), "utf8")
  .split("\n")
  .filter((line) => !/languages\/definitions\/(?!typescript\/|javascript\/)/.test(line))
  .filter((line) => !/languages\/features\/(css|html|json)\/|__src_languages_features_(css|html|json)/.test(line))
  .filter((line) => !/monaco-lsp-client|as lsp\b/.test(line))
  .map((line) => line.replace(/'(\.\.?\/[^']+)'/g, (_, path) => JSON.stringify(join(editorDir, path))))
  .join("\n");
const entry = join("node_modules/.cache/vendor", "monaco-entry.mjs");
mkdirSync(dirname(entry), { recursive: true });
writeFileSync(entry, main);

// Editor features a lesson's editor does not use, left out wherever Monaco registers them
// (editor.main.js, and internal/common/workers.js, which the TypeScript service imports and
// which registers every feature again): ~500 KiB less for the browser to run before the
// editor takes a key. Folding and sticky scroll are off in options.ts; the rest are
// inline (AI-style) completions, colour pickers, code lens, inlay hints, drag and drop,
// linked editing, links in comments, GPU rendering, and the like.
const UNUSED_FEATURES = [
  "contrib/anchorSelect/", "contrib/codelens/", "contrib/colorPicker/", "contrib/dnd/", "contrib/dropOrPasteInto/",
  "contrib/floatingMenu/", "contrib/folding/", "contrib/fontZoom/", "contrib/gpu/", "contrib/inlayHints/",
  "contrib/inlineCompletions/", "contrib/inlineProgress/", "contrib/inPlaceReplace/", "contrib/linkedEditing/",
  "contrib/links/", "contrib/longLinesHelper/", "contrib/middleScroll/", "contrib/placeholderText/",
  "contrib/sectionHeaders/", "contrib/semanticTokens/", "contrib/stickyScroll/", "contrib/wordPartOperations/",
  "contrib/diffEditorBreadcrumbs/", "suggestInlineCompletions", "inspectTokens/", "iPadShowKeyboard/", "toggleHighContrast/",
];
const registersUnused = (line) => /^import ['"][^'"]+['"];?$/.test(line.trim()) && UNUSED_FEATURES.some((path) => line.includes(path));
const withoutUnused = {
  name: "without-unused-features",
  setup(context) {
    context.onLoad({ filter: /monaco-editor[\\/]esm[\\/].*\.js$|monaco-entry\.mjs$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").split("\n").filter((line) => !registersUnused(line)).join("\n"),
      loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};

await build({
  entryPoints: { editor: entry },
  outdir: out,
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2022",
  loader: { ".ttf": "file" },
  plugins: [withoutUnused],
  logLevel: "warning",
});
await build({
  entryPoints: {
    "ts.worker": join(monacoRoot, "esm/vs/language/typescript/ts.worker.js"),
    "editor.worker": join(monacoRoot, "esm/vs/editor/editor.worker.js"),
  },
  outdir: out,
  bundle: true,
  format: "iife",
  minify: true,
  target: "es2022",
  logLevel: "warning",
});

// The script that runs Monaco early when a playground is on the first screen (see the file).
copyFileSync("scripts/vendor/boot.js", join(out, "boot.js"));

// Type definitions the TypeScript worker resolves `import "zeromq"` and Node's modules against.
const types = {};
const addTree = (dir, as) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) addTree(path, `${as}/${name}`);
    else if (name.endsWith(".d.ts") || name === "package.json") types[`${as}/${name}`] = readFileSync(path, "utf8");
  }
};
const zeromq = packageDir("zeromq");
types["file:///node_modules/zeromq/package.json"] = JSON.stringify({ name: "zeromq", types: "lib/index.d.ts" });
for (const name of readdirSync(join(zeromq, "lib"))) {
  if (name.endsWith(".d.ts")) types[`file:///node_modules/zeromq/lib/${name}`] = readFileSync(join(zeromq, "lib", name), "utf8");
}
addTree(packageDir("@types/node"), "file:///node_modules/@types/node");
writeFileSync(join(out, "types.json"), JSON.stringify(types));

// Compressed once here, not by the server on every request (vendor-files.ts serves these).
// Brotli quality 9: within ~10 % of 11 at a twentieth of the time.
for (const name of readdirSync(out)) {
  const path = join(out, name);
  const body = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
}

const sizes = readdirSync(out).filter((name) => !/\.(br|gz)$/.test(name)).map((name) => `${name} ${(statSync(join(out, name)).size / 1024).toFixed(0)} KiB (br ${(statSync(join(out, `${name}.br`)).size / 1024).toFixed(0)})`);
console.log(`vendor: ${relative(process.cwd(), out)}: ${sizes.join(", ")}`);
