/**
 * The manifest sources: files, directories, stdin, Helm charts and Kustomize directories, read one at a time and
 * yielded resource by resource. Every problem with an input is an error item; the reading goes on.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { FileItem } from '../model/resource.js';
import { documentItems, textItems, type Origin } from './documents.js';
import { readTextFile, readTextStream, type ReadResult } from './read.js';
import { kustomizeItems, renderKustomizationWithOrigins } from './kustomize.js';
import { helmOrigins, renderHelmChart, type RenderResult } from './render.js';
import { splitDocuments, type DocumentText } from './split.js';
import { Walker, type Target } from './walk.js';

export interface ReadOptions {
  /** Default 32 MiB. Larger files, stdin and rendered output give a 'too-large' error and are never read whole. */
  maxFileBytes?: number;
  /** For the '-' input; default process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** Default 'helm'. */
  helmCommand?: string;
  /** Default 'kubectl'. */
  kubectlCommand?: string;
  /** Files never read as manifests, e.g. kspm's own config and exceptions files when they sit among the manifests. */
  exclude?: readonly string[];
}

export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;
export const STDIN_FILE = '<stdin>';
/** Files being read while the current one is parsed; each holds at most `maxFileBytes`. */
const READ_AHEAD = 3;

interface Settings {
  maxFileBytes: number;
  stdin: NodeJS.ReadableStream;
  helmCommand: string;
  kubectlCommand: string;
}

function readFailureItem(file: string, result: Exclude<ReadResult, { ok: true }>): FileItem {
  const error = { file, code: result.code, message: result.message, ...(result.line === undefined ? {} : { line: result.line }) };
  return { type: 'error', error };
}

/** Starts reading a target's bytes, so the next file loads while the current one is parsed. Never rejects. */
function startReading(target: Target, settings: Settings): Promise<ReadResult> | undefined {
  if (target.kind === 'file') return readTextFile(target.file, settings.maxFileBytes);
  if (target.kind === 'stream') return readTextStream(createReadStream(target.file), settings.maxFileBytes);
  return undefined;
}

function* renderedItems(rendered: RenderResult, originOf: (document: DocumentText) => Origin): Generator<FileItem> {
  if (!rendered.ok) {
    yield { type: 'error', error: rendered.error };
    return;
  }
  for (const document of splitDocuments(rendered.text)) yield* documentItems(document, originOf(document), false);
}

async function* targetItems(target: Target, read: Promise<ReadResult> | undefined, settings: Settings): AsyncGenerator<FileItem> {
  switch (target.kind) {
    case 'error':
      yield { type: 'error', error: target.error };
      return;
    case 'file':
    case 'stream': {
      const result = await read!;
      if (!result.ok) yield readFailureItem(target.file, result);
      else yield* textItems(result.text, { file: target.file, lineOffset: 0 }, target.json);
      return;
    }
    case 'stdin': {
      const result = await readTextStream(settings.stdin, settings.maxFileBytes);
      if (!result.ok) yield readFailureItem(STDIN_FILE, result);
      else yield* textItems(result.text, { file: STDIN_FILE, lineOffset: 0 }, false);
      return;
    }
    case 'helm': {
      const rendered = await renderHelmChart(target.dir, settings.helmCommand, settings.maxFileBytes);
      yield* renderedItems(rendered, helmOrigins(target.dir));
      return;
    }
    case 'kustomize': {
      const { rendered, wrapper } = await renderKustomizationWithOrigins(target.dir, settings.kubectlCommand, settings.maxFileBytes);
      if (!rendered.ok) yield { type: 'error', error: rendered.error };
      else yield* kustomizeItems(rendered.text, target.dir, join(target.dir, target.kustomization), wrapper);
      return;
    }
  }
}

async function* allTargets(inputs: string[], exclude: readonly string[]): AsyncGenerator<Target> {
  const walker = await Walker.excluding(exclude);
  for (const input of inputs) yield* walker.targets(input);
}

/** Reads every input in order and yields its resources, and an error item for each problem, as they are parsed. */
export async function* readSources(inputs: string[], options: ReadOptions = {}): AsyncGenerator<FileItem> {
  const settings: Settings = {
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    stdin: options.stdin ?? process.stdin,
    helmCommand: options.helmCommand ?? 'helm',
    kubectlCommand: options.kubectlCommand ?? 'kubectl',
  };
  const targets = allTargets(inputs, options.exclude ?? []);
  // Reads run ahead of parsing by a few files, so small files do not wait on one system call after another.
  const ahead: { target: Target; read: Promise<ReadResult> | undefined }[] = [];
  let exhausted = false;
  const fill = async () => {
    while (!exhausted && ahead.length < READ_AHEAD) {
      const next = await targets.next();
      if (next.done) exhausted = true;
      else ahead.push({ target: next.value, read: startReading(next.value, settings) });
    }
  };
  try {
    await fill();
    while (ahead.length > 0) {
      const { target, read } = ahead.shift()!;
      await fill();
      yield* targetItems(target, read, settings);
    }
  } finally {
    await targets.return(undefined);
  }
}
