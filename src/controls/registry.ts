import { PSS_CONTROLS } from './pss/index.js';
import { WORKLOAD_CONTROLS } from './workload/index.js';
import { CLUSTER_CONTROLS } from './cluster-index.js';
import { CONTROL_PLANE_CONTROLS } from './control-plane/index.js';
import type { Control } from './types.js';

/** Every control kspm ships, in catalogue order: Pod Security first, then the rest by id. */
export const ALL_CONTROLS: readonly Control[] = [
  ...PSS_CONTROLS,
  ...[...WORKLOAD_CONTROLS, ...CLUSTER_CONTROLS, ...CONTROL_PLANE_CONTROLS].sort((a, b) => a.meta.id.localeCompare(b.meta.id)),
];

export function controlById(id: string): Control | undefined {
  return ALL_CONTROLS.find((control) => control.meta.id === id);
}
