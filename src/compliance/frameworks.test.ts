/**
 * The framework files kspm ships (frameworks/*.yaml, whoever wrote them): each validates and every check resolves;
 * and the PSS and NSA-CISA frameworks cover every kspm control that says it implements them.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { ALL_CONTROLS } from '../controls/registry.js';
import { PSS_CONTROLS } from '../controls/pss/index.js';
import { builtInFrameworksDir, formatLoadError, loadFrameworkDir, type FrameworkCatalogue } from './load.js';
import type { FrameworkDefinition } from './types.js';

describe('shipped frameworks', () => {
  let catalogue: FrameworkCatalogue;
  const find = (id: string): FrameworkDefinition => {
    const framework = catalogue.frameworks.find((each) => each.id === id);
    assert.ok(framework, `frameworks/${id}.yaml did not load`);
    return framework;
  };
  before(async () => {
    catalogue = await loadFrameworkDir();
  });

  it('every file under frameworks/ validates, with unique control ids and checks that all exist', () => {
    assert.deepEqual(catalogue.errors.map(formatLoadError), []);
    const files = readdirSync(builtInFrameworksDir()).filter((name) => name.endsWith('.yaml'));
    assert.equal(catalogue.frameworks.length, files.length);
    assert.ok(files.includes('pss.yaml') && files.includes('nsa-1.2.yaml'));
  });

  it('pss: each Pod Security check is one control, in the section of its level', () => {
    const pss = find('pss');
    const mapped = pss.controls.flatMap((control) => (control.checks ?? []).map((check) => ({ check, section: control.section })));
    assert.deepEqual(
      mapped.map(({ check }) => check).sort(),
      PSS_CONTROLS.map((control) => control.meta.id).sort(),
    );
    for (const control of PSS_CONTROLS) {
      const entry = mapped.find(({ check }) => check === control.meta.id)!;
      assert.equal(entry.section, control.pss.level === 'baseline' ? 'Baseline' : 'Restricted', control.meta.id);
    }
    assert.ok(pss.controls.every((control) => control.checks?.length === 1 && control.manual === undefined));
  });

  it('nsa-1.2: every kspm control that cites an NSA-CISA section is checked under that section', () => {
    const nsa = find('nsa-1.2');
    for (const control of ALL_CONTROLS) {
      for (const ref of control.meta.frameworks.filter((each) => each.framework === 'nsa')) {
        const section = nsa.controls.filter((each) => each.id === ref.id || each.id.startsWith(`${ref.id}/`));
        assert.ok(section.length > 0, `${control.meta.id} cites nsa:${ref.id}, which nsa-1.2.yaml lacks`);
        assert.ok(section.some((each) => each.checks?.includes(control.meta.id)), `${control.meta.id} is not checked under nsa-1.2 ${ref.id}`);
      }
    }
  });

  it('nsa-1.2: control-plane controls are marked provider-managed, and nothing else is', () => {
    const selfManagedOnly = new Set(ALL_CONTROLS.filter((control) => control.meta.selfManagedOnly).map((control) => control.meta.id));
    for (const control of find('nsa-1.2').controls) {
      const checks = control.checks ?? [];
      const controlPlane = checks.length > 0 && checks.every((check) => selfManagedOnly.has(check) || /^node-cis-1\./.test(check));
      assert.equal(control.providerManaged !== undefined, controlPlane, control.id);
    }
  });
});
