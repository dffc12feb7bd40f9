/**
 * `kspm db update | import | status`: fill the local advisory database and say what it holds. Each source (a download
 * or an imported path) succeeds or fails on its own; a failed one keeps its previous records and is named on standard
 * error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { EXIT } from '../engine/scan.js';
import { UsageError } from '../usage-error.js';
import { ProgressLine } from './progress.js';
import {
  DEFAULT_OSV_ECOSYSTEMS, defaultDbPath, formatImportError, importPaths, openAdvisoryDb, parseUpdateConfig, updateDb,
  type AdvisoryDb, type DbStatus, type SourceOutcome, type UpdateConfig, type UpdateOptions,
} from '../vuln/db/index.js';

export const DB_STATUS_FORMATS = ['table', 'json'] as const;
export const DEFAULT_MAX_AGE_DAYS = 7;
/** Errors printed per source; a tracker with thousands of bad records should not flood the terminal. */
const ERRORS_SHOWN_PER_SOURCE = 20;

export const DB_COMMAND_HELP = {
  db: 'Manage the local vulnerability database that image scans match against (see docs/vuln-db.md)',
  update: 'Download the configured advisory sources (OSV per ecosystem, Debian tracker, Alpine secdb, CISA KEV) and replace each in the database',
  import: 'Import advisory files or folders (OSV JSON/YAML/zip, Debian DSA/DLA lists or tracker JSON, Alpine secdb; a CISA KEV catalogue as a file), for air-gapped use',
  status: 'Show what the database holds: sources, when they were imported, advisories per ecosystem, KEV-listed CVEs, and how old the data is',
} as const;

export interface DbUpdateFlags {
  db?: string;
  config?: string;
  mirror?: string;
  /** Only these ecosystems' sources (OSV ecosystem names; Debian and Alpine also take their distribution's feed). */
  ecosystem: string[];
  /** `json`: also each source's outcome as JSON on standard output. */
  output?: 'json';
}

export interface DbImportFlags {
  db?: string;
}

export interface DbStatusFlags {
  db?: string;
  output: (typeof DB_STATUS_FORMATS)[number];
  maxAge?: string;
}

export interface ScanDatabaseOptions {
  maxAgeDays?: number;
  warn?: (message: string) => void;
}

/** `kspm db update`. */
export async function dbUpdateCommand(flags: DbUpdateFlags, options: UpdateOptions = {}): Promise<number> {
  const config = updateConfigFrom(flags);
  const db = openWritable(flags.db);
  const status = new ProgressLine();
  let outcomes: SourceOutcome[];
  try {
    outcomes = await updateDb(db, config, (message) => status.show(message), options);
  } finally {
    status.clear();
    db.close();
  }
  for (const outcome of outcomes) reportOutcome(outcome, 'updated');
  if (flags.output === 'json') process.stdout.write(`${JSON.stringify({ database: db.path, sources: outcomes.map(outcomeJson) }, null, 2)}\n`);
  return exitStatus(outcomes);
}

/** `kspm db import PATH...`: each path is one source, replaced as a whole when anything in it could be read. */
export async function dbImportCommand(paths: string[], flags: DbImportFlags): Promise<number> {
  if (paths.length === 0) throw new UsageError('kspm db import needs at least one file or folder of advisories');
  const db = openWritable(flags.db);
  const status = new ProgressLine();
  let outcomes: SourceOutcome[];
  try {
    outcomes = await importPaths(db, paths, (message) => status.show(message));
  } finally {
    status.clear();
    db.close();
  }
  for (const outcome of outcomes) reportOutcome(outcome, 'imported');
  const imported = outcomes.filter((o) => !o.kept);
  const advisories = imported.reduce((sum, o) => sum + o.advisories, 0);
  const errors = outcomes.reduce((sum, o) => sum + o.errors.length, 0);
  process.stderr.write(`imported ${advisoryCount(advisories)} from ${imported.length} of ${plural(outcomes.length, 'path')} into ${db.path}${errors > 0 ? `; ${plural(errors, 'error')}` : ''}\n`);
  return exitStatus(outcomes);
}

/** `kspm db status`: exit 3 when there is no database; stale or empty data is a warning only. */
export function dbStatusCommand(flags: DbStatusFlags, now: Date = new Date()): number {
  const maxAgeDays = parseMaxAge(flags.maxAge);
  const path = flags.db ?? defaultDbPath();
  if (!existsSync(path)) {
    if (flags.output === 'json') process.stdout.write(`${JSON.stringify({ path, exists: false }, null, 2)}\n`);
    process.stderr.write(`kspm: ${missingMessage(path)}\n`);
    return EXIT.inputErrors;
  }
  const db = openReadOnly(path);
  let status: DbStatus;
  try {
    status = db.status(now);
  } finally {
    db.close();
  }
  const stale = status.ageDays === undefined || status.ageDays > maxAgeDays;
  process.stdout.write(flags.output === 'json' ? `${JSON.stringify(statusJson(status, maxAgeDays, stale, now), null, 2)}\n` : statusTable(status, now));
  if (stale) process.stderr.write(`warning: ${staleMessage(status, maxAgeDays)}\n`);
  return EXIT.ok;
}

/**
 * The database an image scan matches against, read-only. Missing or empty is a usage error naming the path and how to
 * fill it (a scan against nothing would find nothing and look clean); stale data is a warning.
 */
export function openScanDatabase(path: string = defaultDbPath(), options: ScanDatabaseOptions = {}): AdvisoryDb {
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const warn = options.warn ?? ((message: string) => process.stderr.write(`warning: ${message}\n`));
  if (!existsSync(path)) throw new UsageError(missingMessage(path));
  const db = openReadOnly(path);
  const status = db.status();
  if (status.ageDays === undefined || status.advisories === 0) {
    db.close();
    throw new UsageError(`the vulnerability database ${path} holds no advisories; fill it with \`kspm db update\` (online) or \`kspm db import PATH\` (air-gapped)`);
  }
  if (status.ageDays > maxAgeDays) warn(staleMessage(status, maxAgeDays));
  return db;
}

function updateConfigFrom(flags: DbUpdateFlags): UpdateConfig {
  let config: UpdateConfig = {};
  if (flags.config !== undefined) {
    let text: string;
    try {
      text = readFileSync(flags.config, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read --config ${flags.config}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const parsed = parseUpdateConfig(text, flags.config);
    if ('error' in parsed) throw new UsageError(parsed.error);
    config = parsed;
  }
  if (flags.mirror !== undefined) {
    if (!URL.canParse(flags.mirror) || !/^https?:$/.test(new URL(flags.mirror).protocol)) {
      throw new UsageError(`--mirror ${flags.mirror}: expected an http(s) URL such as https://mirror.example/osv`);
    }
    config = { ...config, mirror: flags.mirror };
  }
  return flags.ecosystem.length > 0 ? onlyEcosystems(config, flags.ecosystem) : config;
}

/**
 * `--ecosystem`: OSV exports of exactly these ecosystems (known names in their OSV spelling, others as given); the
 * Debian tracker only with Debian, Alpine secdb only with Alpine, no KEV catalogue (it is no ecosystem), and configured
 * extra sources only when named.
 */
function onlyEcosystems(config: UpdateConfig, wanted: readonly string[]): UpdateConfig {
  const ecosystems = [...new Set(wanted.map((name) => DEFAULT_OSV_ECOSYSTEMS.find((known) => known.toLowerCase() === name.toLowerCase()) ?? name))];
  return {
    ...config,
    osvEcosystems: ecosystems,
    debianTracker: ecosystems.includes('Debian') && (config.debianTracker ?? true),
    alpineBranches: ecosystems.includes('Alpine') ? config.alpineBranches : [],
    kev: false,
    sources: (config.sources ?? []).filter((source) => wanted.includes(source.name)),
  };
}

function openWritable(path: string | undefined): AdvisoryDb {
  const target = path ?? defaultDbPath();
  try {
    return openAdvisoryDb(target);
  } catch (error) {
    throw new UsageError(`cannot open the vulnerability database ${target}: ${(error as Error).message}`);
  }
}

function openReadOnly(path: string): AdvisoryDb {
  try {
    return openAdvisoryDb(path, { readonly: true });
  } catch (error) {
    throw new UsageError(`cannot open the vulnerability database ${path}: ${(error as Error).message}`);
  }
}

function missingMessage(path: string): string {
  return `no vulnerability database at ${path}; create it with \`kspm db update\` (downloads the advisory sources) or \`kspm db import PATH\` (files copied from a connected machine); --db or KSPM_VULN_DB choose another file`;
}

function staleMessage(status: DbStatus, maxAgeDays: number): string {
  if (status.ageDays === undefined) return `the vulnerability database ${status.path} holds no advisories; run kspm db update or kspm db import PATH`;
  return `advisory data is ${Math.floor(status.ageDays)} days old (more than ${maxAgeDays}); run kspm db update`;
}

function parseMaxAge(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_AGE_DAYS;
  const days = Number(value);
  if (value.trim() === '' || !Number.isFinite(days) || days < 0) throw new UsageError(`--max-age ${value}: expected a number of days, 0 or more`);
  return days;
}

function reportOutcome(outcome: SourceOutcome, verb: string): void {
  if (outcome.kept) {
    process.stderr.write(`error: ${outcome.source}: nothing imported, previous data kept\n`);
  } else {
    const listed = outcome.knownExploited === undefined ? '' : `, ${plural(outcome.knownExploited, 'KEV-listed CVE')}`;
    process.stderr.write(`${verb} ${outcome.source}: ${advisoryCount(outcome.advisories)}${listed}${outcome.errors.length > 0 ? `, ${plural(outcome.errors.length, 'error')}` : ''}\n`);
  }
  for (const error of outcome.errors.slice(0, ERRORS_SHOWN_PER_SOURCE)) {
    process.stderr.write(`error: ${error.file === outcome.source ? '' : `${outcome.source}: `}${formatImportError(error)}\n`);
  }
  const hidden = outcome.errors.length - ERRORS_SHOWN_PER_SOURCE;
  if (hidden > 0) process.stderr.write(`error: ${outcome.source}: … and ${count(hidden)} more\n`);
}

/** 0 when every source imported cleanly, 2 when none imported anything, 3 otherwise. */
function exitStatus(outcomes: readonly SourceOutcome[]): number {
  if (outcomes.length > 0 && outcomes.every((o) => o.kept)) return EXIT.usage;
  return outcomes.some((o) => o.kept || o.errors.length > 0) ? EXIT.inputErrors : EXIT.ok;
}

function outcomeJson(outcome: SourceOutcome) {
  return { source: outcome.source, advisories: outcome.advisories, ...(outcome.knownExploited !== undefined ? { knownExploited: outcome.knownExploited } : {}), kept: outcome.kept, errors: outcome.errors };
}

function statusJson(status: DbStatus, maxAgeDays: number, stale: boolean, now: Date) {
  return {
    path: status.path,
    exists: true,
    schemaVersion: status.schemaVersion,
    sources: status.sources.map((source) => ({
      name: source.name,
      kind: source.kind,
      location: source.location,
      importedAt: source.importedAt,
      advisories: source.recordCount,
      ...(source.dataDate ? { dataDate: source.dataDate, dataAgeDays: round(daysSince(source.dataDate, now)) } : {}),
    })),
    perEcosystem: status.perEcosystem,
    advisories: status.advisories,
    knownExploited: status.knownExploited,
    ...(status.oldestImport ? { oldestImport: status.oldestImport } : {}),
    ...(status.ageDays !== undefined ? { ageDays: round(status.ageDays) } : {}),
    maxAgeDays,
    stale,
  };
}

function statusTable(status: DbStatus, now: Date): string {
  const lines = [`database ${status.path} (schema ${status.schemaVersion})`, ''];
  if (status.sources.length === 0) {
    lines.push('no sources imported yet', '');
  } else {
    // An imported path is its own name; FROM only says something for downloads.
    const showFrom = status.sources.some((source) => source.location !== source.name);
    const rows = status.sources.map((source) => [
      source.name,
      source.kind,
      ...(showFrom ? [source.location === source.name ? '' : source.location] : []),
      `${source.importedAt.slice(0, 16).replace('T', ' ')} (${ageText(daysSince(source.importedAt, now))})`,
      count(source.recordCount),
      source.dataDate ? ageText(daysSince(source.dataDate, now)) : '-',
    ]);
    lines.push(...table(['SOURCE', 'KIND', ...(showFrom ? ['FROM'] : []), 'IMPORTED', 'ADVISORIES', 'DATA AGE'], rows, [showFrom ? 4 : 3]), '');
    lines.push(...table(['ECOSYSTEM', 'ADVISORIES'], Object.entries(status.perEcosystem).map(([ecosystem, n]) => [ecosystem, count(n)]), [1]), '');
  }
  lines.push(`total: ${advisoryCount(status.advisories)} from ${plural(status.sources.length, 'source')}`);
  lines.push(`known exploited (CISA KEV): ${plural(status.knownExploited, 'CVE')}`);
  return `${lines.join('\n')}\n`;
}

/** Left-aligned columns, except the numeric ones named in `right`. */
function table(header: string[], rows: string[][], right: number[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (right.includes(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

function daysSince(iso: string, now: Date): number {
  return (now.getTime() - Date.parse(iso)) / 86_400_000;
}

function ageText(days: number): string {
  if (!Number.isFinite(days)) return '-';
  if (days < 1) return 'today';
  return `${plural(Math.floor(days), 'day')} ago`;
}

function round(days: number): number {
  return Math.round(days * 100) / 100;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function advisoryCount(n: number): string {
  return `${count(n)} ${n === 1 ? 'advisory' : 'advisories'}`;
}

function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

