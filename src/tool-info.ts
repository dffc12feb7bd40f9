import { readFileSync } from 'node:fs';
import type { ToolInfo } from './model/report.js';

function packageVersion(): string {
  // src/ and dist/ are both one level below the package root.
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

export const TOOL: ToolInfo = {
  name: 'kspm',
  version: packageVersion(),
  informationUri: 'https://github.com/kspm-dev/kspm',
};
