/** `kspm frameworks`: the frameworks kspm ships, with how much of each it decides by itself. */
import pc from 'picocolors';
import { layoutTable, type Column } from '../assets/table-layout.js';
import type { FrameworkDefinition } from './types.js';

export const FRAMEWORK_LIST_FORMATS = ['table', 'json'] as const;
export type FrameworkListFormat = (typeof FRAMEWORK_LIST_FORMATS)[number];

export interface FrameworkListing {
  id: string;
  title: string;
  version: string;
  url?: string;
  controls: number;
  /** Controls kspm checks decide (some may still need an auditor for the rest). */
  automated: number;
  /** Controls only an auditor can decide. */
  manual: number;
}

export function listFramework(framework: FrameworkDefinition): FrameworkListing {
  const automated = framework.controls.filter((control) => control.checks !== undefined).length;
  return {
    id: framework.id,
    title: framework.title,
    version: framework.version,
    ...(framework.url ? { url: framework.url } : {}),
    controls: framework.controls.length,
    automated,
    manual: framework.controls.length - automated,
  };
}

const COLUMNS: Column[] = [
  { header: 'ID' },
  { header: 'TITLE', flexible: true },
  { header: 'VERSION' },
  { header: 'CONTROLS', numeric: true },
  { header: 'AUTOMATED', numeric: true },
  { header: 'MANUAL', numeric: true },
];

export function renderFrameworkList(frameworks: readonly FrameworkDefinition[], format: FrameworkListFormat, options: { color: boolean; width?: number }): string {
  const listings = frameworks.map(listFramework);
  if (format === 'json') return `${JSON.stringify({ frameworks: listings }, null, 2)}\n`;
  const rows = listings.map((listing) => [listing.id, listing.title, listing.version, String(listing.controls), String(listing.automated), String(listing.manual)]);
  return layoutTable(COLUMNS, rows, options.width ?? 160, pc.createColors(options.color).bold);
}
