import { ALL_CONTROLS, controlById } from '../controls/registry.js';
import type { Control } from '../controls/types.js';
import { FRAMEWORK_IDS, frameworkById } from '../frameworks/index.js';
import { UsageError } from '../usage-error.js';

/** The controls a scan evaluates: those of the named frameworks (all when none), narrowed to --control ids if given. */
export function selectControls(frameworkIds: readonly string[], controlIds: readonly string[]): Control[] {
  for (const id of frameworkIds) {
    if (!frameworkById(id)) throw new UsageError(`unknown framework "${id}"; known: ${FRAMEWORK_IDS.join(', ')}`);
  }
  for (const id of controlIds) {
    if (!controlById(id)) throw new UsageError(`unknown control "${id}"; run \`kspm controls\` to list them`);
  }
  const frameworks = frameworkIds.length > 0 ? frameworkIds.map((id) => frameworkById(id)!) : [frameworkById('all')!];
  return ALL_CONTROLS.filter(
    (control) => frameworks.some((framework) => framework.selects(control)) && (controlIds.length === 0 || controlIds.includes(control.meta.id)),
  );
}
