/**
 * "Top risks" and "Attack paths". Their producers (the risk scorer and the attack-path search) own their shapes, so
 * items are read by duck typing: a score, a title-like field, `factors` and `steps` shown as lists, anything else as
 * nested fields. Whatever the shape, every value is escaped and nothing is dropped silently.
 */
import { describeRef, type ResourceRef } from '../model/resource.js';
import { text } from './escape.js';

const MAX_RISKS = 100;
const MAX_PATHS = 50;
const MAX_DEPTH = 4;
const TITLE_KEYS = ['title', 'summary', 'name', 'label', 'description', 'message', 'id'] as const;

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isResourceRef(value: unknown): value is ResourceRef {
  return isFields(value) && typeof value.kind === 'string' && typeof value.name === 'string';
}

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** Any value as HTML: scalars as text, resource references as `Kind ns/name`, lists and objects nested. */
export function describeValue(value: unknown, depth = 0): string {
  const plain = scalar(value);
  if (plain !== undefined) return text(plain);
  if (isResourceRef(value)) return text(describeRef(value));
  if (depth >= MAX_DEPTH) return `<pre>${text(safeJson(value))}</pre>`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '-';
    if (value.every((item) => scalar(item) !== undefined)) return text(value.map((item) => scalar(item)!).join(', '));
    return `<ol class="steps">${value.map((item) => `<li>${describeValue(item, depth + 1)}</li>`).join('')}</ol>`;
  }
  if (isFields(value)) return fieldsHtml(value, [], depth);
  return text(String(value));
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item), 2) ?? String(value);
  } catch {
    return String(value);
  }
}

function fieldsHtml(fields: Fields, skip: readonly string[], depth: number): string {
  const entries = Object.entries(fields).filter(([key, value]) => !skip.includes(key) && value !== undefined);
  if (entries.length === 0) return '';
  return `<dl class="fields">${entries.map(([key, value]) => `<dt>${text(key)}</dt><dd>${describeValue(value, depth + 1)}</dd>`).join('')}</dl>`;
}

function titleOf(fields: Fields): { title: string; key?: string } {
  for (const key of TITLE_KEYS) {
    const value = fields[key];
    if (typeof value === 'string' && value !== '') return { title: value, key };
  }
  for (const key of ['resource', 'workload', 'target']) {
    if (isResourceRef(fields[key])) return { title: describeRef(fields[key]), key };
  }
  return { title: 'Untitled item' };
}

function itemHtml(item: unknown, index: number): string {
  if (!isFields(item)) return `<article class="finding"><h3>${index + 1}. ${describeValue(item)}</h3></article>`;
  const { title, key } = titleOf(item);
  const score = typeof item.score === 'number' ? `<span class="pill high">${text(item.score.toFixed(1))}</span> ` : '';
  return `<article class="finding"><h3>${index + 1}. ${score}${text(title)}</h3>${fieldsHtml(item, key ? [key, 'score'] : ['score'], 0)}</article>`;
}

function listHtml(items: readonly unknown[], max: number, noun: string): string {
  const shown = items.slice(0, max).map(itemHtml).join('\n');
  const more = items.length - max;
  return more > 0 ? `${shown}\n<p class="note">${more} more ${noun} are in the JSON report (-o json).</p>` : shown;
}

export function renderRisks(risks: readonly unknown[] | undefined): string {
  if (risks === undefined) return '<p class="empty">Not ranked in this run: run <code>kspm scan --top N</code> to see what to fix first, with the parts of each score.</p>';
  if (risks.length === 0) return '<p class="empty">Nothing to rank: no open finding.</p>';
  return listHtml(risks, MAX_RISKS, 'risks');
}

export function renderPaths(paths: readonly unknown[] | undefined): string {
  if (paths === undefined) return '<p class="empty">Not searched in this run: run <code>kspm paths</code> (or <code>kspm scan --top N</code>) to list attack paths.</p>';
  if (paths.length === 0) return '<p class="empty">No attack path found across exposure, workloads, images and RBAC.</p>';
  return listHtml(paths, MAX_PATHS, 'attack paths');
}
