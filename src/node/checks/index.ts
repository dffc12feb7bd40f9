/** Every node check, in CIS order. */
import { CONTROL_PLANE_FILE_CHECKS } from './control-plane-files.js';
import { KUBELET_CHECKS } from './kubelet-settings.js';
import type { NodeCheck } from './types.js';
import { WORKER_FILE_CHECKS } from './worker-files.js';

const byCisNumber = (a: NodeCheck, b: NodeCheck) => {
  const left = a.cis.split('.').map(Number);
  const right = b.cis.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
};

export const NODE_CHECKS: readonly NodeCheck[] = [...CONTROL_PLANE_FILE_CHECKS, ...WORKER_FILE_CHECKS, ...KUBELET_CHECKS].sort(byCisNumber);

export type { NodeCheck } from './types.js';
