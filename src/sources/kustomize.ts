/**
 * Kustomize rendering that remembers where each resource came from. The user's directory is built through a wrapper
 * kustomization (in a temporary folder) that turns on `buildMetadata: [originAnnotations]`, so every rendered object
 * names the file it was read from; kspm then reports the resource at that file and line, and removes the annotation
 * so the object is scanned exactly as Kustomize would apply it.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { load } from 'js-yaml';
import { isRecord, record, type K8sObject } from '../model/k8s.js';
import type { FieldPath } from '../model/path.js';
import type { FileResource, Position, FileItem } from '../model/resource.js';
import { textItems } from './documents.js';
import { DocumentLocator } from './locate.js';
import { parseYamlDocument } from './parse.js';
import { renderKustomization, type RenderResult } from './render.js';
import { splitDocuments } from './split.js';

const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

/** An object of a file Kustomize read, with the means to point into it. */
interface OriginalObject {
  kind: unknown;
  name: unknown;
  line: number;
  locate(path: FieldPath): Position;
}

/** Renders `dir` with origin annotations; falls back to a plain render when the wrapper cannot be built. */
export async function renderKustomizationWithOrigins(dir: string, program: string, maxBytes: number): Promise<{ rendered: RenderResult; wrapper?: string }> {
  const wrapper = await mkdtemp(join(tmpdir(), 'kspm-kustomize-'));
  try {
    await writeFile(join(wrapper, 'kustomization.yaml'), `resources:\n  - ${JSON.stringify(relative(wrapper, resolve(dir)))}\nbuildMetadata: [originAnnotations]\n`);
    const rendered = await renderKustomization(wrapper, program, maxBytes);
    if (rendered.ok) return { rendered, wrapper };
    if (rendered.error.code === 'renderer-missing') return { rendered: { ok: false, error: { ...rendered.error, file: dir, message: rendered.error.message.replaceAll(wrapper, dir) } } };
  } finally {
    await rm(wrapper, { recursive: true, force: true });
  }
  return { rendered: await renderKustomization(dir, program, maxBytes) };
}

function originalObjects(file: string): OriginalObject[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return splitDocuments(text).flatMap((document) => {
    const parsed = parseYamlDocument(document.text);
    if (!parsed.ok || !isRecord(parsed.value)) return [];
    const locator = new DocumentLocator(document.text, parsed.value, parsed.exact);
    const toFile = document.line - 1;
    return [
      {
        kind: parsed.value.kind,
        name: record(parsed.value.metadata)?.name,
        line: document.contentLine,
        locate: (path: FieldPath) => {
          const position = locator.locate(path);
          return { line: position.line + toFile, column: position.column };
        },
      },
    ];
  });
}

/**
 * The object of the origin file a rendered object came from: the same kind and name, or, since name transformers
 * (namePrefix, nameSuffix) add to names, the one whose name the rendered name contains (the longest, if several do).
 */
function findOriginal(objects: readonly OriginalObject[], kind: string, name: string): OriginalObject | undefined {
  const sameKind = objects.filter((candidate) => candidate.kind === kind);
  const exact = sameKind.find((candidate) => candidate.name === name);
  if (exact) return exact;
  const contained = sameKind
    .filter((candidate): candidate is OriginalObject & { name: string } => typeof candidate.name === 'string' && candidate.name !== '' && name.includes(candidate.name))
    .sort((a, b) => b.name.length - a.name.length);
  return contained[0] ?? (sameKind.length === 1 ? sameKind[0] : undefined);
}

/** The origin file named by the annotation, as an absolute path, after removing the annotation from the object. */
function takeOrigin(object: K8sObject, wrapper: string): string | undefined {
  const annotations = record(object.metadata?.annotations);
  const text = annotations?.[ORIGIN_ANNOTATION];
  if (!annotations || typeof text !== 'string') return undefined;
  delete annotations[ORIGIN_ANNOTATION];
  if (Object.keys(annotations).length === 0) delete object.metadata!.annotations;
  let origin: unknown;
  try {
    origin = load(text);
  } catch {
    return undefined;
  }
  const path = record(origin)?.path;
  // Objects from remote bases carry a repo; they have no local file to point at.
  if (typeof path !== 'string' || record(origin)?.repo !== undefined) return undefined;
  return resolve(wrapper, path);
}

/**
 * The resources of a rendered kustomization, each pointing at the file and line it came from (the kustomization file
 * itself, at the rendered line, when Kustomize did not say or the file cannot be read).
 */
export function* kustomizeItems(text: string, dir: string, kustomizationFile: string, wrapper: string | undefined): Generator<FileItem> {
  const files = new Map<string, OriginalObject[]>();
  const root = resolve(dir);
  for (const item of textItems(text, { file: kustomizationFile, lineOffset: 0 }, false)) {
    if (item.type === 'error' || !wrapper) {
      yield item;
      continue;
    }
    const { object, ref } = item.resource;
    const originFile = takeOrigin(object, wrapper);
    if (!originFile) {
      yield item;
      continue;
    }
    let objects = files.get(originFile);
    if (!objects) files.set(originFile, (objects = originalObjects(originFile)));
    const original = findOriginal(objects, ref.kind, ref.name);
    if (!original) {
      yield item;
      continue;
    }
    const resource: FileResource = { object, ref, source: { file: join(dir, relative(root, originFile)), line: original.line }, locate: original.locate };
    yield { type: 'resource', resource };
  }
}
