/**
 * CISA's Known Exploited Vulnerabilities catalogue (known_exploited_vulnerabilities.json): CVEs exploited in the wild.
 * kspm keeps of each entry what the risk score and a reader need: the CVE, when CISA listed it, and whether it is
 * known to be used in ransomware campaigns. One bad entry is reported by its index and CVE; the others are kept.
 */
import { z } from 'zod';
import type { ImportError } from './result.js';

export interface KnownExploited {
  cve: string;
  /** `YYYY-MM-DD`, when CISA added it to the catalogue. */
  dateAdded: string;
  /** CISA's `knownRansomwareCampaignUse` is `Known`. */
  ransomware: boolean;
}

export interface KevResult {
  knownExploited: KnownExploited[];
  errors: ImportError[];
}

const catalogueSchema = z.object({
  title: z.string().optional(),
  catalogVersion: z.string(),
  dateReleased: z.string().optional(),
  count: z.number().int().min(0).optional(),
  vulnerabilities: z.array(z.unknown()),
});

const entrySchema = z.object({
  cveID: z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'expected a CVE id such as CVE-2021-44228'),
  dateAdded: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
  knownRansomwareCampaignUse: z.enum(['Known', 'Unknown']),
  vendorProject: z.string().optional(),
  product: z.string().optional(),
  vulnerabilityName: z.string().optional(),
  shortDescription: z.string().optional(),
  requiredAction: z.string().optional(),
  dueDate: z.string().optional(),
  notes: z.string().optional(),
  cwes: z.array(z.string()).optional(),
});

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}`;
}

/** A parsed JSON document → its entries (the first of a repeated CVE), with an error per unusable entry. */
export function parseKevCatalogue(document: unknown, file: string): KevResult {
  const catalogue = catalogueSchema.safeParse(document);
  if (!catalogue.success) return { knownExploited: [], errors: [{ file, message: `not a CISA KEV catalogue: ${issueText(catalogue.error)}` }] };
  const { vulnerabilities, count } = catalogue.data;
  const errors: ImportError[] = [];
  if (count !== undefined && count !== vulnerabilities.length) {
    errors.push({ file, message: `the catalogue says it holds ${count} entries but has ${vulnerabilities.length}` });
  }
  const seen = new Set<string>();
  const knownExploited: KnownExploited[] = [];
  vulnerabilities.forEach((raw, index) => {
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) {
      const cve = typeof raw === 'object' && raw !== null && typeof (raw as { cveID?: unknown }).cveID === 'string' ? ` ${(raw as { cveID: string }).cveID}` : '';
      errors.push({ file, record: `vulnerabilities[${index}]${cve}`, message: issueText(entry.error) });
      return;
    }
    const { cveID, dateAdded, knownRansomwareCampaignUse } = entry.data;
    if (seen.has(cveID)) return;
    seen.add(cveID);
    knownExploited.push({ cve: cveID, dateAdded, ransomware: knownRansomwareCampaignUse === 'Known' });
  });
  return { knownExploited, errors };
}

/** Whether a parsed document is shaped like the catalogue, for format detection. */
export function looksLikeKevCatalogue(document: Record<string, unknown>): boolean {
  return 'catalogVersion' in document && Array.isArray(document.vulnerabilities);
}
