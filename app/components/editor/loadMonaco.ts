/**
 * Loads Monaco once, from this site's own /vendor/monaco (bundled from the
 * installed monaco-editor package by scripts/build-vendor.mjs; never a CDN),
 * with its web workers and the type definitions of `zeromq` and Node, so
 * completion, hover docs and type errors work for learners' code.
 */
import { afterEditorStart, editorStarted, editorStarting } from "./startup";

export type Monaco = typeof import("monaco-editor");

/** Where scripts/build-vendor.mjs puts Monaco (public/vendor/monaco). */
export const BASE = "/vendor/monaco";
let loading: Promise<Monaco> | undefined;

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker | Promise<Worker> };
  }
}

export function loadMonaco(): Promise<Monaco> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined; // let a later attempt retry (e.g. after a network drop)
    editorStarted(); // nothing to wait for any more
    throw error;
  });
  return loading;
}

async function load(): Promise<Monaco> {
  editorStarting();
  // (Not the <link rel="preload"> of preloadEditor.ts: that only fetches it.)
  if (!document.querySelector(`link[rel="stylesheet"][href="${BASE}/editor.css"]`)) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = `${BASE}/editor.css`;
    document.head.append(link);
  }
  // The workers start once the first editor takes keys and the page is idle: the TypeScript
  // worker compiles 7 MB of script, which on a small machine competes with the editor's own
  // start. Monaco waits for a promised worker; its requests (diagnostics, completion) queue.
  window.MonacoEnvironment = {
    getWorker: (_workerId, label) =>
      afterEditorStart().then(
        () =>
          new Worker(label === "typescript" || label === "javascript" ? `${BASE}/ts.worker.js` : `${BASE}/editor.worker.js`, {
            name: label,
            type: "module",
          }),
      ),
  };
  // The type definitions (2 MB) come beside the editor, not before it: the editor opens, and
  // takes keys, as soon as its own code has run. Until the types are in, the TypeScript
  // worker is not asked for diagnostics (it would flag every `import "zeromq"`).
  const types = fetch(`${BASE}/types.json`).then((response) => {
    if (!response.ok) throw new Error(`types.json: HTTP ${response.status}`);
    return response.json() as Promise<Record<string, string>>;
  });
  types.catch(() => undefined); // read below; a failure only leaves the editor without zeromq's types
  const monaco = await (import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${BASE}/editor.js`) as Promise<Monaco>);
  const ts = (monaco as unknown as { typescript: typeof import("monaco-editor").typescript }).typescript;
  const defaults = ts.typescriptDefaults;
  defaults.setCompilerOptions({
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    // Every file is a module (top-level await, imports between files), so two playgrounds'
    // top-level names never collide: each playground's files live in a folder of their own.
    moduleDetection: 3, // ts.ModuleDetectionKind.Force
    allowImportingTsExtensions: true,
    allowNonTsExtensions: true,
    noEmit: true,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ["node"],
    lib: ["es2022"],
  });
  // Diagnostics only for files shown in an editor: a lesson holds many playgrounds.
  // 1375/1378: top-level await (fine in the runner's ES modules).
  const diagnostics = { onlyVisible: true, diagnosticCodesToIgnore: [1375, 1378] };
  defaults.setDiagnosticsOptions({ ...diagnostics, noSemanticValidation: true, noSyntaxValidation: true });
  defaults.setEagerModelSync(true);
  void types.then(
    (files) => {
      defaults.setExtraLibs(Object.entries(files).map(([filePath, content]) => ({ filePath, content })));
      defaults.setDiagnosticsOptions({ ...diagnostics, noSemanticValidation: false, noSyntaxValidation: false });
    },
    // Without zeromq's and Node's types every import would be an error: syntax errors only.
    () => defaults.setDiagnosticsOptions({ ...diagnostics, noSemanticValidation: true, noSyntaxValidation: false }),
  );
  return monaco;
}
