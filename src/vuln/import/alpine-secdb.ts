/**
 * Alpine secdb (`https://secdb.alpinelinux.org/v3.NN/main.json`, and the older YAML of alpinelinux/alpine-secdb):
 * `{distroversion: v3.11, reponame: main, packages: [{pkg: {name, secfixes: {<fixed version>: [ids]}}}]}`.
 *
 * Each id becomes an Advisory with `Alpine:v3.NN` / the (origin) package name fixed in that version. An entry may name
 * several ids (`CVE-2017-8904 XSA-214`): its CVEs each become an advisory with the other ids as aliases; an entry with
 * no CVE gives one advisory per id. Fixed version `0` is Alpine's "not affected" (NAK): nothing in that release to
 * match, so it is left out.
 */
import { z } from 'zod';
import type { Advisory } from '../advisory.js';
import { canonicalEcosystem } from './ecosystem.js';
import { mergeSameId } from './merge.js';
import type { ImportError, ImportResult } from './result.js';

const ID = /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9][\w.:-]*$/;

const secdbSchema = z.object({
  distroversion: z.string().regex(/^v?\d+\.\d+$|^edge$/, 'expected a branch such as v3.19'),
  packages: z.array(z.object({
    pkg: z.object({
      name: z.string().min(1),
      secfixes: z.record(z.string(), z.array(z.string().nullable()).nullable()).nullish(),
    }),
  })).nullish(),
}).loose();

export function parseAlpineSecdb(document: unknown, file: string): ImportResult {
  const parsed = secdbSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { advisories: [], errors: [{ file, message: `not an Alpine secdb document: ${where}${issue?.message ?? ''}` }] };
  }
  const ecosystem = canonicalEcosystem(`Alpine:${parsed.data.distroversion}`);
  const errors: ImportError[] = [];
  const advisories: Advisory[] = [];
  for (const { pkg } of parsed.data.packages ?? []) {
    for (const [fixed, entries] of Object.entries(pkg.secfixes ?? {})) {
      if (fixed === '0') continue;
      for (const entry of entries ?? []) {
        if (entry === null) continue;
        const tokens = repairCveTypos(entry).split(/\s+/).filter((token) => token.length > 0);
        const ids = tokens.filter((token) => ID.test(token));
        if (ids.length === 0) {
          errors.push({ file, record: `${pkg.name} ${fixed}`, message: `no advisory id in ${JSON.stringify(entry)}` });
          continue;
        }
        const cves = ids.filter((id) => id.startsWith('CVE-'));
        const named = cves.length > 0 ? cves : ids;
        for (const id of named) {
          advisories.push({
            id,
            aliases: ids.filter((other) => other !== id && !named.includes(other)),
            cvss: [],
            references: [],
            source: 'alpine-secdb',
            affected: [{ ecosystem, name: pkg.name, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
          });
        }
      }
    }
  }
  return { advisories: mergeSameId(advisories), errors };
}

/** secdb has hand-typed ids such as `CVE_2019-2426` and `CVE 2018-16859`. */
function repairCveTypos(entry: string): string {
  return entry.replace(/\bCVE[ _](\d{4}-\d+)/g, 'CVE-$1');
}
