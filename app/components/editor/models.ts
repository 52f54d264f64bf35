import type { editor } from 'monaco-editor';
import type { Monaco } from './loadMonaco';

/**
 * Monaco models: one per file, in a folder per playground and variant —
 * `file:///<lesson>/<block>/<variant>/server.ts` — so `./common` resolves
 * between a playground's files and never to another playground's.
 */

export type Model = editor.ITextModel;

export function languageOf(file: string): 'typescript' | 'javascript' {
  return /\.m?js$/.test(file) ? 'javascript' : 'typescript';
}

export function fileUri(monaco: Monaco, folder: string, file: string) {
  return monaco.Uri.from({ scheme: 'file', path: `/${folder}/${file}` });
}

/** The model of a file, created with `code` when it does not exist yet. */
export function modelFor(monaco: Monaco, folder: string, file: string, code: string): Model {
  const uri = fileUri(monaco, folder, file);
  const existing = monaco.editor.getModel(uri);
  if (existing) return existing;
  const model = monaco.editor.createModel(code, languageOf(file), uri);
  model.updateOptions({ tabSize: 2, insertSpaces: true });
  return model;
}

/** Replaces a model's text as one edit, so Ctrl+Z brings the previous text back. */
export function replaceText(model: Model, code: string) {
  if (model.getValue() === code) return;
  model.pushStackElement();
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text: code }], () => null);
  model.pushStackElement();
}

/** Read-only copies to compare against (another variant, the original): set to `files`, kept in sync. */
export function syncModels(monaco: Monaco, folder: string, files: Record<string, string>): Model[] {
  return Object.entries(files).map(([file, code]) => {
    const model = modelFor(monaco, folder, file, code);
    if (model.getValue() !== code) model.setValue(code);
    return model;
  });
}

/** A folder name that is safe in a URI path. */
export function folderOf(...parts: string[]): string {
  return parts.map((part) => encodeURIComponent(part || 'scratch')).join('/');
}
