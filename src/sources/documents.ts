/** Turns documents into resources: parse, validate, expand Lists, and give each resource its file positions. */
import { isRecord, type K8sObject } from '../model/k8s.js';
import type { FieldPath } from '../model/path.js';
import { refOf, type InputErrorCode, type FileResource, type Position, type FileItem } from '../model/resource.js';
import { DocumentLocator } from './locate.js';
import { parseJsonDocument, parseYamlDocument } from './parse.js';
import { splitDocuments, type DocumentText } from './split.js';

/** Where a document is reported: the file, and what to add to a line of the text read to get the line reported. */
export interface Origin {
  file: string;
  lineOffset: number;
}

function error(file: string, line: number, code: InputErrorCode, message: string): FileItem {
  return { type: 'error', error: { file, line, code, message } };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a sequence';
  return `a ${typeof value}`;
}

function isList(object: Record<string, unknown>): object is Record<string, unknown> & { items: unknown[] } {
  return typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items);
}

/** The reason an object is not a Kubernetes resource, or undefined when it is one. */
function missingIdentity(object: Record<string, unknown>): string | undefined {
  const hasKind = typeof object.kind === 'string' && object.kind !== '';
  const hasApiVersion = typeof object.apiVersion === 'string' && object.apiVersion !== '';
  if (!hasKind && !hasApiVersion) return 'the object has neither a string `kind` nor a string `apiVersion`';
  if (!hasKind || !hasApiVersion) return `the object has no string \`${hasKind ? 'apiVersion' : 'kind'}\``;
  return undefined;
}

/** What is wrong with the object's metadata, or undefined. The API server refuses such objects too; scanning them would report a nameless object as passing. */
function invalidMetadata(object: Record<string, unknown>): string | undefined {
  const metadata = object.metadata;
  if (metadata === undefined || metadata === null) return undefined;
  if (!isRecord(metadata)) return `its metadata is ${describeValue(metadata)}, not a mapping`;
  for (const field of ['name', 'generateName', 'namespace'] as const) {
    const value = metadata[field];
    if (value !== undefined && value !== null && typeof value !== 'string') return `its metadata.${field} is ${describeValue(value)}, not a string`;
  }
  return undefined;
}

function* objectItems(value: unknown, file: string, line: number, prefix: FieldPath, locate: (path: FieldPath) => Position): Generator<FileItem> {
  if (!isRecord(value)) {
    yield error(file, line, 'not-an-object', `expected a mapping (a Kubernetes object), found ${describeValue(value)}`);
    return;
  }
  const missing = missingIdentity(value);
  if (missing) {
    yield error(file, line, 'missing-kind', `${missing}; not a Kubernetes resource`);
    return;
  }
  const invalid = invalidMetadata(value);
  if (invalid) {
    yield error(file, line, 'invalid-object', `${invalid}; the API server would refuse this object`);
    return;
  }
  const object = value as K8sObject;
  const resource: FileResource = {
    object,
    ref: refOf(object),
    source: { file, line },
    locate: prefix.length === 0 ? locate : (path) => locate([...prefix, ...path]),
  };
  yield { type: 'resource', resource };
}

/** The resources (or errors) of one document. */
export function* documentItems(document: DocumentText, origin: Origin, json: boolean): Generator<FileItem> {
  const { file } = origin;
  const toFile = document.line - 1 + origin.lineOffset;
  const documentLine = document.contentLine + origin.lineOffset;
  const result = json ? parseJsonDocument(document.text) : parseYamlDocument(document.text);
  if (!result.ok) {
    yield error(file, result.line === undefined ? documentLine : result.line + toFile, result.code, result.message);
    return;
  }
  const { value } = result;
  if (!isRecord(value)) {
    yield error(file, documentLine, 'not-an-object', `expected a mapping (a Kubernetes object), found ${describeValue(value)}`);
    return;
  }
  const locator = new DocumentLocator(document.text, value, result.exact);
  const locate = (path: FieldPath): Position => {
    const position = locator.locate(path);
    return { line: position.line + toFile, column: position.column };
  };
  if (!isList(value)) {
    yield* objectItems(value, file, documentLine, [], locate);
    return;
  }
  for (let index = 0; index < value.items.length; index++) {
    const prefix = ['items', index];
    yield* objectItems(value.items[index], file, locate(prefix).line, prefix, locate);
  }
}

/** The resources (or errors) of a whole text: a YAML stream, or one JSON document. */
export function* textItems(text: string, origin: Origin, json: boolean): Generator<FileItem> {
  if (json) {
    const lines = text.split('\n').length;
    const document: DocumentText = { text, line: 1, contentLine: firstNonBlankLine(text), endLine: lines };
    if (text.trim() !== '') yield* documentItems(document, origin, true);
    return;
  }
  for (const document of splitDocuments(text)) yield* documentItems(document, origin, false);
}

function firstNonBlankLine(text: string): number {
  const offset = text.search(/\S/);
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
