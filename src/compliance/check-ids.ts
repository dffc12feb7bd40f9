import { ALL_CONTROLS } from '../controls/registry.js';

/** Node checks run by `kspm node`: `node-cis-` and the CIS Kubernetes Benchmark id they implement. */
export const NODE_CHECK_ID = /^node-cis-\d+(\.\d+)*$/;

const CONTROL_IDS = new Set(ALL_CONTROLS.map((control) => control.meta.id));

/** Whether a framework may name this check: a kspm control, or a node check. */
export function isKnownCheck(id: string): boolean {
  return CONTROL_IDS.has(id) || NODE_CHECK_ID.test(id);
}
