/**
 * The Debian security tracker's JSON export (`https://security-tracker.debian.org/tracker/data/json`):
 * `{<source package>: {<CVE or TEMP id>: {description, scope, debianbug, releases: {<codename>: {status, repositories,
 * fixed_version, urgency, nodsa, nodsa_reason}}}}}`.
 *
 * One Advisory per id, with a `Debian:<n>` entry per release: `resolved` with a fixed version gives `fixed`
 * (`fixed_version` `0` means the release never had the flaw: left out); `open` gives no fix, with the state the
 * tracker's no-DSA reason states (`ignored` → will_not_fix, `postponed` → fix_deferred, else affected);
 * `undetermined` is left out, as trivy-db does. The release's urgency is the package's severity.
 */
import { z } from 'zod';
import type { AffectedPackage, Advisory, FixState } from '../advisory.js';
import { debianRelease } from './debian-releases.js';
import { mergeSameId } from './merge.js';
import type { ImportError, ImportResult } from './result.js';
import { severityFromWord } from './severity.js';

const releaseSchema = z.object({
  status: z.string(),
  fixed_version: z.string().optional(),
  urgency: z.string().optional(),
  nodsa: z.string().optional(),
  nodsa_reason: z.string().optional(),
}).loose();

const issueSchema = z.object({
  description: z.string().optional(),
  releases: z.record(z.string(), releaseSchema),
}).loose();

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseDebianTracker(document: unknown, file: string): ImportResult {
  if (!isObject(document)) return { advisories: [], errors: [{ file, message: 'not a Debian tracker JSON document: expected an object of source packages' }] };
  const errors: ImportError[] = [];
  const advisories: Advisory[] = [];
  for (const [sourcePackage, issues] of Object.entries(document)) {
    if (!isObject(issues)) {
      errors.push({ file, record: sourcePackage, message: 'expected an object of issues' });
      continue;
    }
    for (const [id, raw] of Object.entries(issues)) {
      const parsed = issueSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        errors.push({ file, record: `${sourcePackage} ${id}`, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
        continue;
      }
      const affected: AffectedPackage[] = [];
      for (const [codename, release] of Object.entries(parsed.data.releases)) {
        const number = debianRelease(codename);
        if ('unnumbered' in number) continue;
        if ('unknown' in number) {
          errors.push({ file, record: `${sourcePackage} ${id}`, message: `unknown Debian release ${JSON.stringify(codename)}` });
          continue;
        }
        const entry = releaseEntry(`Debian:${number.number}`, sourcePackage, release);
        if (entry) affected.push(entry);
      }
      const summary = parsed.data.description?.trim();
      advisories.push({
        id,
        aliases: [],
        ...(summary ? { summary } : {}),
        cvss: [],
        references: [`https://security-tracker.debian.org/tracker/${id}`],
        source: 'debian-tracker',
        affected,
      });
    }
  }
  return { advisories: mergeSameId(advisories), errors };
}

function releaseEntry(ecosystem: string, name: string, release: z.infer<typeof releaseSchema>): AffectedPackage | undefined {
  const severity = severityFromWord(release.urgency ?? '');
  const base = { ecosystem, name, ...(severity ? { severity } : {}) };
  if (release.status === 'resolved') {
    const fixed = release.fixed_version;
    if (fixed === undefined || fixed === '0') return undefined;
    return { ...base, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] };
  }
  if (release.status === 'open') {
    const state = openState(release.nodsa_reason || release.nodsa);
    return { ...base, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }], ...(state !== 'affected' ? { state } : {}) };
  }
  return undefined;
}

function openState(reason: string | undefined): FixState {
  const word = reason?.trim().toLowerCase();
  if (word === 'ignored') return 'will_not_fix';
  if (word === 'postponed') return 'fix_deferred';
  return 'affected';
}
