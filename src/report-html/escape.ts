/**
 * Text for the HTML report. Everything a manifest or a cluster supplies (names, messages, evidence) is attacker-
 * controlled, so every string goes through `text` on its way into the page; markup is only ever written here.
 */
import { escapeHtml } from '../rbac/review/render-html.js';

/** C0 and C1 control characters other than tab and newlines: not valid in HTML text, and never meaningful here. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** The string as HTML text (or an attribute value inside double quotes). */
export function text(value: string): string {
  return escapeHtml(value.replace(CONTROL_CHARACTERS, ''));
}

/** Prose with `code` spans, as control remediations are written: escaped first, then the spans marked up. */
export function prose(value: string): string {
  return text(value).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** A fragment id made only of safe characters, so any control or framework id can be linked to within the page. */
export function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_.-]/g, (character) => `_${character.codePointAt(0)!.toString(16)}`)}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function formatScore(score: number | null): string {
  return score === null ? 'n/a' : `${score.toFixed(1)}/100`;
}
