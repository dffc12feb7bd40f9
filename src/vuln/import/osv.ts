/**
 * One OSV record (ossf/osv-schema) → an Advisory. The schema is checked loosely: fields kspm uses must have the right
 * shape, everything else is ignored. Affected entries without a `package` (GIT-only records) name nothing kspm can
 * match, so they are dropped.
 */
import { z } from 'zod';
import type { AffectedPackage, AffectedRange, Advisory, CvssScore, RangeEvent, Severity } from '../advisory.js';
import { canonicalEcosystem } from './ecosystem.js';
import { severityFromWord } from './severity.js';

const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;

const eventSchema = z.record(z.string(), z.string()).transform((event, ctx): RangeEvent => {
  const keys = Object.keys(event);
  const key = keys[0];
  if (keys.length !== 1 || key === undefined || !(EVENT_KEYS as readonly string[]).includes(key)) {
    ctx.addIssue({ code: 'custom', message: `an event must hold exactly one of ${EVENT_KEYS.join(', ')}; got ${JSON.stringify(keys)}` });
    return z.NEVER;
  }
  return { [key]: event[key] } as RangeEvent;
});

const specificSchema = z.object({ urgency: z.string().optional(), severity: z.string().optional() }).loose().optional().catch(undefined);

const affectedSchema = z.object({
  package: z.object({ ecosystem: z.string().min(1), name: z.string().min(1) }).loose().optional(),
  ranges: z.array(z.object({ type: z.enum(['SEMVER', 'ECOSYSTEM', 'GIT']), events: z.array(eventSchema) }).loose()).optional(),
  versions: z.array(z.string()).optional(),
  ecosystem_specific: specificSchema,
  database_specific: specificSchema,
}).loose();

const recordSchema = z.object({
  id: z.string().min(1),
  aliases: z.array(z.string()).nullish(),
  upstream: z.array(z.string()).nullish(),
  related: z.array(z.string()).nullish(),
  summary: z.string().nullish(),
  details: z.string().nullish(),
  published: z.string().nullish(),
  modified: z.string().nullish(),
  withdrawn: z.string().nullish(),
  severity: z.array(z.object({ type: z.string(), score: z.string() }).loose()).nullish(),
  references: z.array(z.object({ url: z.string() }).loose()).nullish(),
  affected: z.array(affectedSchema).nullish(),
  database_specific: specificSchema,
}).loose();

export interface OsvError {
  error: string;
}

/** `origin` names where the record came from (a file, a zip entry) for the error message. */
export function parseOsvRecord(record: unknown, origin: string): Advisory | OsvError {
  const parsed = recordSchema.safeParse(record);
  if (!parsed.success) {
    const id = typeof record === 'object' && record !== null && 'id' in record && typeof record.id === 'string' ? ` ${record.id}` : '';
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { error: `${origin}: OSV record${id} is invalid: ${where}${issue?.message ?? 'unknown problem'}` };
  }
  const osv = parsed.data;
  const wordSeverities = (osv.severity ?? []).filter((s) => !s.type.startsWith('CVSS_')).map((s) => severityFromWord(s.score));
  const severity = severityFromWord(osv.database_specific?.severity ?? '') ?? wordSeverities.find((s) => s !== undefined);
  const related = unique([...(osv.upstream ?? []), ...(osv.related ?? [])]);
  const summary = osv.summary?.trim() || firstLine(osv.details ?? '');
  return {
    id: osv.id,
    aliases: unique(osv.aliases ?? []),
    ...(related.length > 0 ? { related } : {}),
    ...(summary ? { summary } : {}),
    ...(osv.published ? { published: osv.published } : {}),
    ...(osv.modified ? { modified: osv.modified } : {}),
    ...(osv.withdrawn ? { withdrawn: osv.withdrawn } : {}),
    ...(severity ? { severity } : {}),
    cvss: (osv.severity ?? []).flatMap((s) => cvssScore(s.type, s.score)),
    references: unique((osv.references ?? []).map((r) => r.url)),
    source: 'osv',
    affected: (osv.affected ?? []).flatMap((entry) => affectedPackage(entry)),
  };
}

function affectedPackage(entry: z.infer<typeof affectedSchema>): AffectedPackage[] {
  if (!entry.package) return [];
  const severity: Severity | undefined =
    severityFromWord(entry.ecosystem_specific?.urgency ?? '') ??
    severityFromWord(entry.ecosystem_specific?.severity ?? '') ??
    severityFromWord(entry.database_specific?.severity ?? '');
  const ranges: AffectedRange[] = (entry.ranges ?? []).map((range) => ({ type: range.type, events: range.events }));
  return [{
    ecosystem: canonicalEcosystem(entry.package.ecosystem),
    name: entry.package.name,
    ranges,
    ...(entry.versions && entry.versions.length > 0 ? { versions: entry.versions } : {}),
    ...(severity ? { severity } : {}),
  }];
}

function cvssScore(type: string, vector: string): CvssScore[] {
  const trimmed = vector.trim();
  if (type === 'CVSS_V2') return [{ version: '2.0', vector: trimmed }];
  if (type === 'CVSS_V3') {
    const version = /^CVSS:(3\.[01])\//.exec(trimmed)?.[1];
    return version === '3.0' || version === '3.1' ? [{ version, vector: trimmed }] : [];
  }
  if (type === 'CVSS_V4') return /^CVSS:4\.0\//.test(trimmed) ? [{ version: '4.0', vector: trimmed }] : [];
  return [];
}

function firstLine(text: string): string | undefined {
  return text.split('\n').map((line) => line.trim()).find((line) => line.length > 0);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
