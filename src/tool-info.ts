import { readFileSync } from 'node:fs';
import type { ToolInfo } from './model/report.js';

// src/ and dist/ are both one level below the package root.
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string; homepage?: string };

export const TOOL: ToolInfo = {
  name: 'kspm',
  version: manifest.version ?? '0.0.0',
  ...(manifest.homepage ? { informationUri: manifest.homepage } : {}),
};
