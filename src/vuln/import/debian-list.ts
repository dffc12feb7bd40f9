/**
 * Debian security tracker `data/DSA/list` and `data/DLA/list`:
 *
 *     [29 Mar 2023] DSA-5380-1 xorg-server - security update
 *         {CVE-2023-1393}
 *         [bullseye] - xorg-server 2:1.20.11-1+deb11u6
 *         [woody] - sudo 1.6.6-1.3woody1 (bug #123; medium)
 *         [woody] - spamassassin <not-affected> (not vulnerable according to DSA)
 *         NOTE: fixed in testing at time of DSA
 *
 * Matching should report CVE ids, so each CVE an advisory lists becomes an Advisory with that CVE as id and the
 * DSA/DLA as an alias (a CVE fixed by several advisories gets their fixes together). An advisory that lists no CVE
 * stays an Advisory under its own id. A fix line gives `Debian:<n>` with `fixed`; `<not-affected>` lines are left
 * out (nothing to match), `<unfixed>` and `<end-of-life>` give a package with no fix and that state.
 */
import type { AffectedPackage, Advisory } from '../advisory.js';
import { debianRelease } from './debian-releases.js';
import { mergeSameId } from './merge.js';
import type { ImportError, ImportResult } from './result.js';
import { severityFromWord } from './severity.js';

const HEADER = /^\[(\d{1,2} [A-Za-z]{3} \d{4})\]\s+((?:DSA|DLA)-\d+(?:-\d+)?)\s*(.*)$/;
const CVES = /^\{(.*)\}$/;
const PACKAGE = /^\[([a-z-]+)\]\s+-\s+(\S+)\s+(\S+)\s*(?:\((.*)\))?$/;

interface ListEntry {
  id: string;
  date: string;
  title: string;
  cves: string[];
  affected: AffectedPackage[];
}

export function parseDebianList(text: string, file: string): ImportResult {
  const errors: ImportError[] = [];
  const entries: ListEntry[] = [];
  let current: ListEntry | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (!/^\s/.test(raw)) {
      const header = HEADER.exec(raw.trimEnd());
      if (!header) {
        current = undefined;
        errors.push({ file, line, message: `not an advisory header: ${JSON.stringify(raw.slice(0, 80))}` });
        return;
      }
      const [, date = '', id = '', title = ''] = header;
      current = { id, date: isoDate(date), title: title.trim(), cves: [], affected: [] };
      entries.push(current);
      return;
    }
    const body = raw.trim();
    if (body.startsWith('NOTE:')) return;
    if (!current) {
      errors.push({ file, line, message: 'a detail line before any advisory header' });
      return;
    }
    const cves = CVES.exec(body);
    if (cves) {
      current.cves.push(...(cves[1] ?? '').split(/\s+/).filter((id) => id.length > 0));
      return;
    }
    const pkg = PACKAGE.exec(body);
    if (!pkg) {
      errors.push({ file, line, record: current.id, message: `unrecognised line: ${JSON.stringify(body.slice(0, 80))}` });
      return;
    }
    const [, codename = '', name = '', version = '', notes] = pkg;
    const release = debianRelease(codename);
    if ('unnumbered' in release) return;
    if ('unknown' in release) {
      errors.push({ file, line, record: current.id, message: `unknown Debian release ${JSON.stringify(codename)}` });
      return;
    }
    const affected = affectedPackage(`Debian:${release.number}`, name, version, notes);
    if (affected) current.affected.push(affected);
  });
  const source = entries.some((e) => e.id.startsWith('DLA-')) ? 'debian-dla' : 'debian-dsa';
  return { advisories: mergeSameId(entries.flatMap((entry) => advisories(entry, source))), errors };
}

function affectedPackage(ecosystem: string, name: string, version: string, notes: string | undefined): AffectedPackage | undefined {
  const severity = notes?.split(';').map((part) => severityFromWord(part)).find((s) => s !== undefined);
  const base = { ecosystem, name, ...(severity ? { severity } : {}) };
  switch (version) {
    case '<not-affected>':
      return undefined;
    case '<unfixed>':
      return { ...base, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] };
    case '<end-of-life>':
      return { ...base, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }], state: 'end_of_life' };
    default:
      return { ...base, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: version }] }] };
  }
}

function advisories(entry: ListEntry, source: string): Advisory[] {
  const common = {
    summary: entry.title.replace(/^-+\s*/, ''),
    published: entry.date,
    cvss: [],
    references: [advisoryUrl(entry.id)],
    source,
    affected: entry.affected,
  };
  if (entry.cves.length === 0) return [{ id: entry.id, aliases: [], ...common }];
  return [...new Set(entry.cves)].map((cve) => ({ id: cve, aliases: [entry.id], ...common }));
}

function advisoryUrl(id: string): string {
  return `https://security-tracker.debian.org/tracker/${id}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `29 Mar 2023` → `2023-03-29T00:00:00Z`. */
function isoDate(date: string): string {
  const [day = '', month = '', year = ''] = date.split(' ');
  const monthNumber = MONTHS.indexOf(month) + 1;
  return `${year}-${String(monthNumber).padStart(2, '0')}-${day.padStart(2, '0')}T00:00:00Z`;
}
