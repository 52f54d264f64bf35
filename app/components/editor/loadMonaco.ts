/**
 * Loads Monaco once, from this site's own /vendor/monaco (bundled from the
 * installed monaco-editor package by scripts/build-vendor.mjs; never a CDN),
 * with its web workers and the type definitions of `zeromq` and Node, so
 * completion, hover docs and type errors work for learners' code.
 */
export type Monaco = typeof import("monaco-editor");

const BASE = "/vendor/monaco";
let loading: Promise<Monaco> | undefined;

declare global {
  interface Window {
    MonacoEnvironment?: { getWorkerUrl(workerId: string, label: string): string };
  }
}

export function loadMonaco(): Promise<Monaco> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined; // let a later attempt retry (e.g. after a network drop)
    throw error;
  });
  return loading;
}

async function load(): Promise<Monaco> {
  if (!document.querySelector(`link[href="${BASE}/editor.css"]`)) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = `${BASE}/editor.css`;
    document.head.append(link);
  }
  window.MonacoEnvironment = {
    getWorkerUrl: (_workerId, label) =>
      label === "typescript" || label === "javascript" ? `${BASE}/ts.worker.js` : `${BASE}/editor.worker.js`,
  };
  const [monaco, types] = await Promise.all([
    import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${BASE}/editor.js`) as Promise<Monaco>,
    fetch(`${BASE}/types.json`).then((response) => response.json() as Promise<Record<string, string>>),
  ]);
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
  defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, onlyVisible: true, diagnosticCodesToIgnore: [1375, 1378] });
  defaults.setEagerModelSync(true);
  defaults.setExtraLibs(Object.entries(types).map(([filePath, content]) => ({ filePath, content })));
  return monaco;
}
