/**
 * Installed npm packages: every `node_modules/<name>/package.json` and `node_modules/@scope/<name>/package.json`,
 * nested node_modules included. A package.json elsewhere is a project, not an installed package, and is not reported.
 */
import type { InstalledPackage } from './model.js';

const INSTALLED = /(^|\/)node_modules\/(@[^/]+\/)?[^/@][^/]*\/package\.json$/;

export function isInstalledNpmManifest(path: string): boolean {
  return INSTALLED.test(path);
}

export function parseNpmManifest(text: string, path: string): InstalledPackage[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof manifest !== 'object' || manifest === null) return [];
  const { name, version } = manifest as { name?: unknown; version?: unknown };
  if (typeof name !== 'string' || name === '' || typeof version !== 'string' || version === '') return [];
  const purlName = name.startsWith('@') ? `${encodeURIComponent(name.slice(0, name.indexOf('/')))}/${encodeURIComponent(name.slice(name.indexOf('/') + 1))}` : encodeURIComponent(name);
  return [{ ecosystem: 'npm', name, version, path, purl: `pkg:npm/${purlName}@${encodeURIComponent(version)}` }];
}
