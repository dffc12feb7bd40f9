/**
 * `kspm db update`: downloads the configured sources and replaces each in the database. A source that cannot be
 * downloaded or read is reported by name and keeps its previous records; the others are still imported.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ADVISORY_FORMATS, parseSource, type AdvisoryFormat } from '../import/formats.js';
import { storeSource, type ProgressListener, type SourceOutcome } from './import.js';
import type { AdvisoryDb } from './store.js';

export interface UpdateSource {
  name: string;
  format: AdvisoryFormat;
  url: string;
}

const configSchema = z.object({
  /** Replaces scheme and host of every URL (the path is kept), for an internal mirror. */
  mirror: z.string().url().optional(),
  osvEcosystems: z.array(z.string().min(1)).optional(),
  debianTracker: z.boolean().optional(),
  alpineBranches: z.array(z.string().regex(/^v\d+\.\d+$/, 'expected a branch such as v3.21')).optional(),
  /** CISA's Known Exploited Vulnerabilities catalogue, which the risk score reads. */
  kev: z.boolean().optional(),
  kevUrl: z.string().url().optional(),
  /** Sources in addition to the defaults. */
  sources: z.array(z.object({ name: z.string().min(1), format: z.enum(ADVISORY_FORMATS as [AdvisoryFormat, ...AdvisoryFormat[]]), url: z.string().url() })).optional(),
  timeoutSeconds: z.number().positive().optional(),
  retries: z.number().int().min(0).max(10).optional(),
}).strict();

export type UpdateConfig = z.infer<typeof configSchema>;

export const DEFAULT_OSV_ECOSYSTEMS = ['Go', 'PyPI', 'npm', 'Maven', 'crates.io', 'RubyGems', 'NuGet', 'Packagist', 'Debian', 'Alpine', 'Ubuntu'];
export const DEFAULT_ALPINE_BRANCHES = ['v3.20', 'v3.21', 'v3.22', 'v3.23'];
const OSV_BASE = 'https://osv-vulnerabilities.storage.googleapis.com';
const DEBIAN_TRACKER_URL = 'https://security-tracker.debian.org/tracker/data/json';
const ALPINE_SECDB_BASE = 'https://secdb.alpinelinux.org';
export const DEFAULT_KEV_URL = 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json';
const MAX_DOWNLOAD_BYTES = 2 * 1024 * 1024 * 1024 - 1;

/** A YAML or JSON config file's text → the config, or an error naming the file and the field. */
export function parseUpdateConfig(text: string, file: string): UpdateConfig | { error: string } {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    return { error: `${file}: does not parse: ${(error as Error).message}` };
  }
  const parsed = configSchema.safeParse(document ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { error: `${file}: ${issue?.path.join('.') || 'config'}: ${issue?.message ?? 'invalid'}` };
}

export function updateSources(config: UpdateConfig = {}): UpdateSource[] {
  const sources: UpdateSource[] = [
    ...(config.osvEcosystems ?? DEFAULT_OSV_ECOSYSTEMS).map((ecosystem): UpdateSource => ({
      name: `osv-${ecosystem}`, format: 'osv-zip', url: `${OSV_BASE}/${encodeURIComponent(ecosystem)}/all.zip`,
    })),
    ...(config.debianTracker ?? true ? [{ name: 'debian-tracker', format: 'debian-tracker' as const, url: DEBIAN_TRACKER_URL }] : []),
    ...(config.alpineBranches ?? DEFAULT_ALPINE_BRANCHES).flatMap((branch) => ['main', 'community'].map((repo): UpdateSource => ({
      name: `alpine-${branch}-${repo}`, format: 'alpine-secdb', url: `${ALPINE_SECDB_BASE}/${branch}/${repo}.json`,
    }))),
    ...(config.kev ?? true ? [{ name: 'cisa-kev', format: 'cisa-kev' as const, url: config.kevUrl ?? DEFAULT_KEV_URL }] : []),
    ...(config.sources ?? []),
  ];
  return config.mirror ? sources.map((source) => ({ ...source, url: onMirror(source.url, config.mirror ?? '') })) : sources;
}

function onMirror(url: string, mirror: string): string {
  const { pathname, search } = new URL(url);
  return `${mirror.replace(/\/+$/, '')}${pathname}${search}`;
}

export interface UpdateOptions {
  fetch?: typeof fetch;
  /** Pause before the first retry, doubled for each further one. */
  retryDelayMs?: number;
}

export async function updateDb(db: AdvisoryDb, config: UpdateConfig = {}, onProgress: ProgressListener = () => {}, options: UpdateOptions = {}): Promise<SourceOutcome[]> {
  const outcomes: SourceOutcome[] = [];
  for (const source of updateSources(config)) {
    onProgress(`downloading ${source.name} (${source.url})`);
    const download = await downloadWithRetries(source.url, {
      fetch: options.fetch ?? fetch,
      timeoutMs: (config.timeoutSeconds ?? 300) * 1000,
      retries: config.retries ?? 2,
      retryDelayMs: options.retryDelayMs ?? 1000,
    });
    if ('error' in download) {
      outcomes.push({ source: source.name, advisories: 0, errors: [{ file: source.url, message: download.error }], kept: true });
      onProgress(`${source.name}: ${download.error}; previous data kept`);
      continue;
    }
    const outcome = storeSource(db, { name: source.name, kind: source.format, location: source.url }, parseSource(download.bytes, source.url, source.format));
    if (!outcome.kept) onProgress(`${source.name}: ${outcome.advisories} advisories, ${outcome.errors.length} errors`);
    outcomes.push(outcome);
  }
  return outcomes;
}

interface DownloadSettings {
  fetch: typeof fetch;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
}

async function downloadWithRetries(url: string, settings: DownloadSettings): Promise<{ bytes: Uint8Array } | { error: string }> {
  let last = 'not attempted';
  let attempts = 0;
  for (let attempt = 0; attempt <= settings.retries; attempt++) {
    attempts++;
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, settings.retryDelayMs * 2 ** (attempt - 1)));
    try {
      const response = await settings.fetch(url, { signal: AbortSignal.timeout(settings.timeoutMs) });
      if (!response.ok) {
        await response.body?.cancel();
        last = `HTTP ${response.status} ${response.statusText}`.trim();
        if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) break;
        continue;
      }
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > MAX_DOWNLOAD_BYTES) {
        await response.body?.cancel();
        return { error: `${length} bytes is larger than the limit of ${MAX_DOWNLOAD_BYTES}` };
      }
      return { bytes: new Uint8Array(await response.arrayBuffer()) };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      last = cause ? `${(error as Error).message} (${cause})` : (error as Error).message;
    }
  }
  return { error: `download failed after ${attempts} attempt(s): ${last}` };
}
