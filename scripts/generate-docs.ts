/** Regenerates docs/controls.md from the controls' metadata (npm run docs). A test fails when it is stale. */
import { writeFileSync } from 'node:fs';
import { renderCatalogue } from '../src/catalogue/render.js';
import { ALL_CONTROLS } from '../src/controls/registry.js';

const target = new URL('../docs/controls.md', import.meta.url);
writeFileSync(target, renderCatalogue(ALL_CONTROLS, 'markdown'));
process.stdout.write(`wrote docs/controls.md (${ALL_CONTROLS.length} controls)\n`);
