/**
 * Findings an ignore file or a VEX statement covers are kept but marked `suppressed`, with the reason, so reports can
 * show what was set aside and why. An ignore rule covers a finding by id or alias (and by purl or path when it names
 * them) until its expiry; an expired rule applies no longer and is warned about. A VEX statement covers a finding when
 * it names the vulnerability (or an alias) and the product is the package or the scanned image, and the latest such
 * statement says `not_affected` or `fixed`; `affected` and `under_investigation` leave the finding open.
 */
import type { Vulnerability } from '../vulnerability.js';
import type { IgnoreRule } from './ignore-file.js';
import { VEX_JUSTIFICATIONS, type VexProduct, type VexStatement } from './openvex.js';
import { parsePurl, purlCovers } from './purl.js';

/** The scanned image: its references (`ghcr.io/acme/app:1.0`) and manifest digest (`sha256:...`). */
export interface ImageIdentity {
  references: string[];
  digest?: string;
}

export interface Suppressions {
  ignoreRules?: IgnoreRule[];
  vex?: VexStatement[];
  image?: ImageIdentity;
  /** Today, for expiry (default: now). */
  now?: Date;
}

export interface SuppressionResult {
  vulnerabilities: Vulnerability[];
  warnings: string[];
}

export function applySuppressions(vulnerabilities: Vulnerability[], suppressions: Suppressions): SuppressionResult {
  const today = (suppressions.now ?? new Date()).toISOString().slice(0, 10);
  const warnings: string[] = [];
  const activeRules = (suppressions.ignoreRules ?? []).filter((rule) => {
    if (rule.expires === undefined || rule.expires > today) return true;
    warnings.push(`${rule.origin}: the ignore entry for ${rule.id} expired on ${rule.expires} and no longer applies`);
    return false;
  });
  const vex = suppressions.vex ?? [];
  const result = vulnerabilities.map((vulnerability) => {
    if (vulnerability.suppressed) return vulnerability;
    const suppressed = byIgnoreRule(vulnerability, activeRules) ?? byVex(vulnerability, vex, suppressions.image);
    return suppressed ? { ...vulnerability, suppressed } : vulnerability;
  });
  return { vulnerabilities: result, warnings };
}

function idsOf(vulnerability: Vulnerability): Set<string> {
  return new Set([vulnerability.id, ...vulnerability.aliases]);
}

function byIgnoreRule(vulnerability: Vulnerability, rules: IgnoreRule[]): Vulnerability['suppressed'] {
  const ids = idsOf(vulnerability);
  const rule = rules.find((r) => ids.has(r.id) && coversPackage(r, vulnerability));
  if (!rule) return undefined;
  return { by: 'ignore-file', statement: rule.statement ?? `listed in ${rule.origin}`, ...(rule.expires ? { until: rule.expires } : {}) };
}

function coversPackage(rule: IgnoreRule, vulnerability: Vulnerability): boolean {
  if (rule.purls) {
    const pkg = parsePurl(vulnerability.package.purl);
    if (!pkg || !rule.purls.some((purl) => purlCovers(purl, pkg))) return false;
  }
  return !rule.paths || rule.paths.some((pattern) => globMatches(pattern, vulnerability.package.path));
}

/** `**` crosses folders, `*` and `?` stay within one. */
function globMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => (part.startsWith('**') ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path.replace(/^\.?\//, ''));
}

function byVex(vulnerability: Vulnerability, statements: VexStatement[], image: ImageIdentity | undefined): Vulnerability['suppressed'] {
  const ids = idsOf(vulnerability);
  const pkg = parsePurl(vulnerability.package.purl);
  let latest: VexStatement | undefined;
  for (const statement of statements) {
    if (!statement.vulnerabilities.some((name) => ids.has(name))) continue;
    if (!statement.products.some((product) => productCovers(product, pkg, image))) continue;
    // Statements in document order; a later one (by timestamp, or in order when equal or absent) overrides.
    if (latest === undefined || (statement.timestamp ?? '') >= (latest.timestamp ?? '')) latest = statement;
  }
  if (latest === undefined || (latest.status !== 'not_affected' && latest.status !== 'fixed')) return undefined;
  const justification = VEX_JUSTIFICATIONS.find((name) => name === latest!.justification);
  return { by: 'openvex', statement: describeStatement(latest), vex: { status: latest.status, ...(justification ? { justification } : {}) } };
}

function describeStatement(statement: VexStatement): string {
  const detail = [statement.justification, statement.impactStatement, statement.actionStatement].filter((part) => part !== undefined);
  return `${statement.status}${detail.length > 0 ? `: ${detail.join('; ')}` : ''} (${statement.origin})`;
}

function productCovers(product: VexProduct, pkg: ReturnType<typeof parsePurl>, image: ImageIdentity | undefined): boolean {
  const isImage = product.purl === undefined || product.purl.type === 'oci';
  if (!isImage) return pkg !== undefined && purlCovers(product.purl!, pkg);
  if (!image || !imageMatches(product, image)) return false;
  if (product.subcomponents.length === 0) return true;
  return pkg !== undefined && product.subcomponents.some((sub) => sub.purl !== undefined && purlCovers(sub.purl, pkg));
}

/** `pkg:oci/app@sha256:…?repository_url=ghcr.io/acme/app`, or a reference by tag or digest. */
function imageMatches(product: VexProduct, image: ImageIdentity): boolean {
  const repositories = image.references.map((reference) => normaliseRepository(repositoryOf(reference)));
  if (product.purl) {
    const { version, name, qualifiers } = product.purl;
    if (version !== undefined) return version === image.digest;
    const repositoryUrl = qualifiers?.repository_url;
    if (repositoryUrl !== undefined) return repositories.includes(normaliseRepository(repositoryUrl));
    return repositories.some((repository) => repository.split('/').at(-1) === name);
  }
  const reference = product.id.trim();
  const digest = /(?:^|@)(sha256:[0-9a-f]{64})$/.exec(reference)?.[1];
  if (digest !== undefined) return digest === image.digest;
  return image.references.some((own) => normaliseReference(own) === normaliseReference(reference));
}

function repositoryOf(reference: string): string {
  const withoutDigest = reference.split('@')[0]!;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

/** Docker Hub's short names: `nginx` is `docker.io/library/nginx`. */
function normaliseRepository(repository: string): string {
  const parts = repository.split('/');
  const hasRegistry = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!);
  if (hasRegistry) return repository;
  return `docker.io/${parts.length === 1 ? `library/${repository}` : repository}`;
}

function normaliseReference(reference: string): string {
  const repository = repositoryOf(reference);
  const rest = reference.slice(repository.length);
  return `${normaliseRepository(repository)}${rest === '' ? ':latest' : rest}`;
}
