/** Small markup builders the report sections share. Labels and headings are text (escaped here); cells are HTML already. */
import { text } from './escape.js';

export function card(label: string, value: string, id?: string): string {
  return `<div class="card"${id ? ` id="${id}"` : ''}><div class="label">${text(label)}</div><div class="value">${text(value)}</div></div>`;
}

export function table(head: string[], rows: string[][], numeric: ReadonlySet<number> = new Set()): string {
  const th = head.map((title, index) => `<th${numeric.has(index) ? ' class="num"' : ''}>${text(title)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((cell, index) => `<td${numeric.has(index) ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
