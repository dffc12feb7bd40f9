/** An AdvisoryLookup over advisories held in memory (a downloaded OSV export, test data), keyed as matching asks. */
import type { Advisory, AdvisoryLookup } from '../advisory.js';
import { normalisePyPIName } from './package-keys.js';

export function memoryLookup(advisories: Iterable<Advisory>): AdvisoryLookup {
  const index = new Map<string, Advisory[]>();
  for (const advisory of advisories) {
    const keys = new Set(advisory.affected.map((entry) => keyOf(entry.ecosystem, entry.name)));
    for (const key of keys) {
      const list = index.get(key);
      if (list) list.push(advisory);
      else index.set(key, [advisory]);
    }
  }
  return { advisoriesFor: (ecosystem, name) => index.get(keyOf(ecosystem, name)) ?? [] };
}

function keyOf(ecosystem: string, name: string): string {
  return `${ecosystem}\u0000${ecosystem === 'PyPI' ? normalisePyPIName(name) : name}`;
}
