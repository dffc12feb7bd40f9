/**
 * The local advisory database: one SQLite file. `sources` says what was imported from where and when; `advisories`
 * holds each Advisory as JSON under its source; `packages` indexes (ecosystem, package name) → advisory, which is all
 * matching asks; `known_exploited` holds the CVEs of a CISA KEV catalogue under its source. A source is replaced in one transaction, so readers see its old records or its new ones, never half,
 * and a failed import changes nothing.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Advisory, AdvisoryLookup } from '../advisory.js';
import { canonicalEcosystem } from '../import/ecosystem.js';
import type { KnownExploited } from '../import/kev.js';

export const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  location TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  record_count INTEGER NOT NULL,
  data_date TEXT
);
CREATE TABLE advisories (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  advisory_id TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX advisories_by_source ON advisories(source_id);
CREATE INDEX advisories_by_id ON advisories(advisory_id);
CREATE TABLE packages (
  ecosystem TEXT NOT NULL,
  name TEXT NOT NULL,
  advisory INTEGER NOT NULL REFERENCES advisories(id)
);
CREATE INDEX packages_by_name ON packages(ecosystem, name, advisory);
CREATE INDEX packages_by_advisory ON packages(advisory);
`;

/** Added after schema 1 shipped: created when absent, so older databases gain it without a rebuild. */
const KNOWN_EXPLOITED_TABLE = `
CREATE TABLE IF NOT EXISTS known_exploited (
  source_id INTEGER NOT NULL REFERENCES sources(id),
  cve TEXT NOT NULL,
  date_added TEXT NOT NULL,
  ransomware INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS known_exploited_by_source ON known_exploited(source_id);
`;

/** What a source is: a configured download (`osv-Go`) or an imported path. */
export interface SourceInfo {
  name: string;
  /** The format read: `osv-zip`, `debian-tracker`, … */
  kind: string;
  /** The URL or path it came from. */
  location: string;
}

/** What a source holds: advisories, and the CVEs of a KEV catalogue. */
export interface SourceContent {
  advisories: readonly Advisory[];
  knownExploited: readonly KnownExploited[];
}

export interface SourceRecord extends SourceInfo {
  importedAt: string;
  /** Advisories and KEV entries together. */
  recordCount: number;
  /** The newest modified/published date among its advisories (or KEV date added), when they have one. */
  dataDate?: string;
}

export interface DbStatus {
  path: string;
  schemaVersion: number;
  sources: SourceRecord[];
  advisories: number;
  /** Distinct CVEs listed in the KEV catalogues imported. */
  knownExploited: number;
  /** Distinct advisories indexed per ecosystem (`Debian:12`, `Go`, …). */
  perEcosystem: Record<string, number>;
  /** The oldest source import, which is how stale the database is; undefined when empty. */
  oldestImport?: string;
  ageDays?: number;
}

export interface OpenOptions {
  readonly?: boolean;
}

const CACHE_LIMIT = 100_000;

export class AdvisoryDb implements AdvisoryLookup {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly idsFor: Database.Statement<[string, string], number>;
  private readonly jsonOf: Database.Statement<[number], string>;
  private readonly parsed = new Map<number, Advisory>();

  constructor(path: string, options: OpenOptions = {}) {
    this.path = path;
    if (options.readonly && !existsSync(path)) throw new Error(`no vulnerability database at ${path} (run \`kspm db update\` or \`kspm db import\`)`);
    if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    try {
      this.prepareSchema(options.readonly ?? false);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.idsFor = this.db.prepare<[string, string], number>('SELECT DISTINCT advisory FROM packages WHERE ecosystem = ? AND name = ? ORDER BY advisory').pluck();
    this.jsonOf = this.db.prepare<[number], string>('SELECT json FROM advisories WHERE id = ?').pluck();
  }

  private prepareSchema(readonly: boolean): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version === SCHEMA_VERSION) {
      if (!readonly) this.db.exec(KNOWN_EXPLOITED_TABLE);
      return;
    }
    const empty = (this.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n === 0;
    if (version === 0 && empty && !readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.exec(SCHEMA + KNOWN_EXPLOITED_TABLE);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      return;
    }
    throw new Error(`${this.path}: not a kspm vulnerability database of schema ${SCHEMA_VERSION} (found ${version}${empty ? ', empty' : ''}); remove it and run \`kspm db update\``);
  }

  advisoriesFor(ecosystem: string, name: string): Advisory[] {
    return this.idsFor.all(canonicalEcosystem(ecosystem), name).flatMap((id) => {
      const cached = this.parsed.get(id);
      if (cached) return [cached];
      const json = this.jsonOf.get(id);
      if (json === undefined) return [];
      const advisory = JSON.parse(json) as Advisory;
      if (this.parsed.size >= CACHE_LIMIT) this.parsed.clear();
      this.parsed.set(id, advisory);
      return [advisory];
    });
  }

  /** Replaces everything the source held with `content` (or only advisories), in one transaction. */
  replaceSource(source: SourceInfo, content: readonly Advisory[] | SourceContent, importedAt: Date = new Date()): void {
    const { advisories, knownExploited } = 'advisories' in content ? content : { advisories: content, knownExploited: [] };
    const findSource = this.db.prepare<[string], { id: number }>('SELECT id FROM sources WHERE name = ?');
    const deletePackages = this.db.prepare('DELETE FROM packages WHERE advisory IN (SELECT id FROM advisories WHERE source_id = ?)');
    const deleteAdvisories = this.db.prepare('DELETE FROM advisories WHERE source_id = ?');
    const deleteKnownExploited = this.db.prepare('DELETE FROM known_exploited WHERE source_id = ?');
    const upsertSource = this.db.prepare(
      `INSERT INTO sources (name, kind, location, imported_at, record_count, data_date) VALUES (@name, @kind, @location, @importedAt, @recordCount, @dataDate)
       ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, location = excluded.location, imported_at = excluded.imported_at,
         record_count = excluded.record_count, data_date = excluded.data_date`,
    );
    const insertAdvisory = this.db.prepare('INSERT INTO advisories (source_id, advisory_id, json) VALUES (?, ?, ?)');
    const insertPackage = this.db.prepare('INSERT INTO packages (ecosystem, name, advisory) VALUES (?, ?, ?)');
    const insertKnownExploited = this.db.prepare('INSERT INTO known_exploited (source_id, cve, date_added, ransomware) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      const old = findSource.get(source.name);
      if (old) {
        deletePackages.run(old.id);
        deleteAdvisories.run(old.id);
        deleteKnownExploited.run(old.id);
      }
      const dataDate = newestOf([newestDate(advisories), ...knownExploited.map((entry) => entry.dateAdded)]);
      upsertSource.run({ ...source, importedAt: importedAt.toISOString(), recordCount: advisories.length + knownExploited.length, dataDate: dataDate ?? null });
      const sourceId = findSource.get(source.name)?.id;
      for (const advisory of advisories) {
        const rowid = Number(insertAdvisory.run(sourceId, advisory.id, JSON.stringify(advisory)).lastInsertRowid);
        const keys = new Set(advisory.affected.map((entry) => `${entry.ecosystem}\u0000${entry.name}`));
        for (const key of keys) {
          const [ecosystem = '', name = ''] = key.split('\u0000');
          insertPackage.run(ecosystem, name, rowid);
        }
      }
      for (const entry of knownExploited) insertKnownExploited.run(sourceId, entry.cve, entry.dateAdded, entry.ransomware ? 1 : 0);
    })();
    this.parsed.clear();
  }

  /** The CVE ids every imported KEV catalogue lists. */
  knownExploited(): Set<string> {
    if (!this.hasKnownExploitedTable()) return new Set();
    return new Set(this.db.prepare<[], string>('SELECT DISTINCT cve FROM known_exploited').pluck().all());
  }

  /** A database from before KEV support, opened read-only, has no table for it (a writable open adds one). */
  private hasKnownExploitedTable(): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'known_exploited'").get() !== undefined;
  }

  sources(): SourceRecord[] {
    const rows = this.db.prepare('SELECT name, kind, location, imported_at, record_count, data_date FROM sources ORDER BY name').all() as Array<{
      name: string; kind: string; location: string; imported_at: string; record_count: number; data_date: string | null;
    }>;
    return rows.map((row) => ({
      name: row.name, kind: row.kind, location: row.location, importedAt: row.imported_at, recordCount: row.record_count,
      ...(row.data_date ? { dataDate: row.data_date } : {}),
    }));
  }

  status(now: Date = new Date()): DbStatus {
    const sources = this.sources();
    const advisories = (this.db.prepare('SELECT count(*) AS n FROM advisories').get() as { n: number }).n;
    const perEcosystem: Record<string, number> = {};
    for (const row of this.db.prepare('SELECT ecosystem, count(DISTINCT advisory) AS n FROM packages GROUP BY ecosystem ORDER BY ecosystem').all() as Array<{ ecosystem: string; n: number }>) {
      perEcosystem[row.ecosystem] = row.n;
    }
    const oldestImport = sources.map((s) => s.importedAt).sort()[0];
    return {
      path: this.path,
      schemaVersion: SCHEMA_VERSION,
      sources,
      advisories,
      knownExploited: this.hasKnownExploitedTable() ? (this.db.prepare('SELECT count(DISTINCT cve) AS n FROM known_exploited').get() as { n: number }).n : 0,
      perEcosystem,
      ...(oldestImport ? { oldestImport, ageDays: (now.getTime() - Date.parse(oldestImport)) / 86_400_000 } : {}),
    };
  }

  /** True when the database has no source, or its oldest import is older than `maxAgeDays`. */
  isStale(maxAgeDays: number, now: Date = new Date()): boolean {
    const { ageDays } = this.status(now);
    return ageDays === undefined || ageDays > maxAgeDays;
  }

  close(): void {
    this.db.close();
  }
}

export function openAdvisoryDb(path: string, options: OpenOptions = {}): AdvisoryDb {
  return new AdvisoryDb(path, options);
}

function newestOf(dates: Iterable<string | undefined>): string | undefined {
  let newest: string | undefined;
  for (const date of dates) if (date && (newest === undefined || date > newest)) newest = date;
  return newest;
}

function newestDate(advisories: readonly Advisory[]): string | undefined {
  return newestOf(advisories.map((advisory) => (advisory.modified && !advisory.modified.startsWith('0001-') ? advisory.modified : advisory.published)));
}
