/**
 * Ignore files: vulnerabilities a team has looked at and accepted. Two forms, chosen by the file name:
 *
 *   .kspmignore (text, like .trivyignore)       .kspmignore.yaml
 *     # comment                                   vulnerabilities:
 *     CVE-2023-1234                                 - id: CVE-2023-1234
 *     GHSA-xxxx-yyyy-zzzz exp:2025-06-30              purls: [pkg:npm/lodash]
 *                                                    paths: [app/node_modules/**]
 *                                                    expires: 2025-06-30
 *                                                    statement: not reachable from our code
 *
 * An entry stops applying on its expiry date (UTC). Malformed entries are errors naming the file and the line or
 * entry; the well-formed ones still apply.
 */
import { parse as parseYaml } from 'yaml';
import type { PackageURL } from 'packageurl-js';
import { parsePurl } from './purl.js';

export interface IgnoreRule {
  id: string;
  /** Only these packages (purl match, see purl.ts); all packages when absent. */
  purls?: PackageURL[];
  /** Only packages read from these paths (`*` within a folder, `**` across folders); all when absent. */
  paths?: string[];
  /** `YYYY-MM-DD`: from this day (UTC) on, the rule no longer applies. */
  expires?: string;
  statement?: string;
  /** Where the rule was written, for warnings: `.kspmignore:3`. */
  origin: string;
}

export interface ParsedIgnoreFile {
  rules: IgnoreRule[];
  errors: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseIgnoreFile(text: string, file: string): ParsedIgnoreFile {
  return /\.ya?ml$/i.test(file) ? parseYamlForm(text, file) : parseTextForm(text, file);
}

function parseTextForm(text: string, file: string): ParsedIgnoreFile {
  const rules: IgnoreRule[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const origin = `${file}:${index + 1}`;
    const [id, ...rest] = line.split(/\s+/);
    let expires: string | undefined;
    for (const token of rest) {
      const date = /^exp:(.*)$/.exec(token)?.[1];
      if (date === undefined) return errors.push(`${origin}: unexpected ${JSON.stringify(token)} after the id (only exp:YYYY-MM-DD may follow)`);
      if (!isDate(date)) return errors.push(`${origin}: ${JSON.stringify(token)} is not a valid exp:YYYY-MM-DD date`);
      expires = date;
    }
    rules.push({ id: id!, ...(expires ? { expires } : {}), origin });
  });
  return { rules, errors };
}

function parseYamlForm(text: string, file: string): ParsedIgnoreFile {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    return { rules: [], errors: [`${file}: not valid YAML: ${(error as Error).message}`] };
  }
  if (document === null || document === undefined) return { rules: [], errors: [] };
  if (!isRecord(document)) return { rules: [], errors: [`${file}: expected a mapping with a "vulnerabilities" list`] };
  const entries = document.vulnerabilities ?? [];
  if (!Array.isArray(entries)) return { rules: [], errors: [`${file}: "vulnerabilities" must be a list`] };
  const rules: IgnoreRule[] = [];
  const errors: string[] = [];
  entries.forEach((entry: unknown, index) => {
    const origin = `${file}: vulnerabilities[${index}]`;
    const rule = yamlRule(entry, origin);
    if (typeof rule === 'string') errors.push(`${origin}: ${rule}`);
    else rules.push(rule);
  });
  return { rules, errors };
}

/** One YAML entry, or what is wrong with it. `expired_at` is accepted as Trivy spells it. */
function yamlRule(entry: unknown, origin: string): IgnoreRule | string {
  if (!isRecord(entry)) return 'expected a mapping with an "id"';
  if (typeof entry.id !== 'string' || entry.id.trim() === '') return '"id" must be a non-empty string';
  const rule: IgnoreRule = { id: entry.id.trim(), origin: `${origin} (${entry.id.trim()})` };
  const expires = entry.expires ?? entry.expired_at;
  if (expires !== undefined) {
    // YAML reads an unquoted 2025-06-30 as a date.
    const text = expires instanceof Date ? expires.toISOString().slice(0, 10) : expires;
    if (typeof text !== 'string' || !isDate(text)) return `"expires" must be a date YYYY-MM-DD; got ${JSON.stringify(expires)}`;
    rule.expires = text;
  }
  if (entry.statement !== undefined) {
    if (typeof entry.statement !== 'string') return '"statement" must be a string';
    rule.statement = entry.statement;
  }
  if (entry.paths !== undefined) {
    if (!isStringList(entry.paths)) return '"paths" must be a list of strings';
    rule.paths = entry.paths;
  }
  if (entry.purls !== undefined) {
    if (!isStringList(entry.purls)) return '"purls" must be a list of strings';
    const purls: PackageURL[] = [];
    for (const text of entry.purls) {
      const purl = parsePurl(text);
      if (!purl) return `${JSON.stringify(text)} is not a valid package URL`;
      purls.push(purl);
    }
    rule.purls = purls;
  }
  return rule;
}

function isDate(text: string): boolean {
  return DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
