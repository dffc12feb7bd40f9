/**
 * OpenVEX documents (openvex/spec, v0.2.0, and the older form where `vulnerability` is a string and products are
 * plain strings): what a supplier says about a vulnerability in their products. A product is a package URL or an
 * image (`pkg:oci/...`, or a reference such as `ghcr.io/acme/app@sha256:...`); its subcomponents narrow the statement
 * to packages inside that image. A malformed statement is an error naming the file and statement, and is left out.
 */
import type { PackageURL } from 'packageurl-js';
import { parsePurl } from './purl.js';

export const VEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];

export const VEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;
export type VexJustification = (typeof VEX_JUSTIFICATIONS)[number];

export interface VexProduct {
  /** The product as written: a purl or an image reference. */
  id: string;
  /** Set when the id (or its `identifiers.purl`) is a package URL. */
  purl?: PackageURL;
  subcomponents: { id: string; purl?: PackageURL }[];
}

export interface VexStatement {
  /** The vulnerability name and its aliases. */
  vulnerabilities: string[];
  products: VexProduct[];
  status: VexStatus;
  justification?: string;
  impactStatement?: string;
  actionStatement?: string;
  /** The statement's time, else the document's; later statements about the same finding override earlier ones. */
  timestamp?: string;
  /** `vex.json: statements[2]`, for messages. */
  origin: string;
}

export interface ParsedVex {
  statements: VexStatement[];
  errors: string[];
}

export function parseOpenVex(text: string, file: string): ParsedVex {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { statements: [], errors: [`${file}: not valid JSON: ${(error as Error).message}`] };
  }
  if (!isRecord(document) || !Array.isArray(document.statements)) {
    return { statements: [], errors: [`${file}: not an OpenVEX document (no "statements" list)`] };
  }
  const documentTime = typeof document.timestamp === 'string' ? document.timestamp : undefined;
  const statements: VexStatement[] = [];
  const errors: string[] = [];
  document.statements.forEach((raw: unknown, index) => {
    const origin = `${file}: statements[${index}]`;
    const statement = readStatement(raw, origin, documentTime);
    if (typeof statement === 'string') errors.push(`${origin}: ${statement}`);
    else statements.push(statement);
  });
  return { statements, errors };
}

function readStatement(raw: unknown, origin: string, documentTime: string | undefined): VexStatement | string {
  if (!isRecord(raw)) return 'expected an object';
  const vulnerabilities = vulnerabilityNames(raw.vulnerability);
  if (typeof vulnerabilities === 'string') return vulnerabilities;
  const status = raw.status;
  if (typeof status !== 'string' || !(VEX_STATUSES as readonly string[]).includes(status)) {
    return `"status" must be one of ${VEX_STATUSES.join(', ')}; got ${JSON.stringify(status)}`;
  }
  const justification = optionalString(raw.justification);
  const impactStatement = optionalString(raw.impact_statement);
  if (status === 'not_affected' && justification === undefined && impactStatement === undefined) {
    return 'a not_affected statement requires a "justification" or an "impact_statement"';
  }
  if (justification !== undefined && !(VEX_JUSTIFICATIONS as readonly string[]).includes(justification)) {
    return `"justification" must be one of ${VEX_JUSTIFICATIONS.join(', ')}; got ${JSON.stringify(justification)}`;
  }
  const products = readProducts(raw.products, raw.subcomponents);
  if (typeof products === 'string') return products;
  const actionStatement = optionalString(raw.action_statement);
  const timestamp = optionalString(raw.timestamp) ?? documentTime;
  return {
    vulnerabilities,
    products,
    status: status as VexStatus,
    ...(justification !== undefined ? { justification } : {}),
    ...(impactStatement !== undefined ? { impactStatement } : {}),
    ...(actionStatement !== undefined ? { actionStatement } : {}),
    ...(timestamp !== undefined ? { timestamp } : {}),
    origin,
  };
}

function vulnerabilityNames(value: unknown): string[] | string {
  if (typeof value === 'string' && value.trim() !== '') return [value.trim()];
  if (!isRecord(value) || typeof value.name !== 'string' || value.name.trim() === '') {
    return '"vulnerability" must be a string or an object with a "name"';
  }
  const aliases = value.aliases ?? [];
  if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')) return '"vulnerability.aliases" must be a list of strings';
  return [value.name.trim(), ...(aliases as string[])];
}

/** v0.2.0 products are objects; older documents list strings, with subcomponents beside them on the statement. */
function readProducts(value: unknown, legacySubcomponents: unknown): VexProduct[] | string {
  if (!Array.isArray(value) || value.length === 0) return '"products" must be a non-empty list';
  const legacy = Array.isArray(legacySubcomponents) ? legacySubcomponents : [];
  const products: VexProduct[] = [];
  for (const [index, item] of value.entries()) {
    const product = readComponent(item);
    if (product === undefined) return `products[${index}] must be a string or an object with "@id" or "identifiers.purl"`;
    const rawSubs: unknown[] = typeof item === 'string' ? legacy : isRecord(item) && Array.isArray(item.subcomponents) ? item.subcomponents : [];
    const subcomponents: VexProduct['subcomponents'] = [];
    for (const [subIndex, sub] of rawSubs.entries()) {
      const component = readComponent(sub);
      if (component === undefined) return `products[${index}].subcomponents[${subIndex}] must be a string or an object with "@id" or "identifiers.purl"`;
      subcomponents.push(component);
    }
    products.push({ ...product, subcomponents });
  }
  return products;
}

function readComponent(value: unknown): { id: string; purl?: PackageURL } | undefined {
  let id: string | undefined;
  let purlText: string | undefined;
  if (typeof value === 'string') id = value;
  else if (isRecord(value)) {
    id = typeof value['@id'] === 'string' ? value['@id'] : undefined;
    const identifiers = value.identifiers;
    purlText = isRecord(identifiers) && typeof identifiers.purl === 'string' ? identifiers.purl : undefined;
    id ??= purlText;
  }
  if (id === undefined || id.trim() === '') return undefined;
  const purl = parsePurl(purlText ?? id);
  return purl ? { id, purl } : { id };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
