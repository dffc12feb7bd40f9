/**
 * The CIS control-plane checks (sections 1.2 to 1.4 and 2) that a component's flags decide, read from the static
 * pods the API shows for a self-managed control plane or from their manifest files.
 */
import type { ResourceControl } from '../types.js';
import { APISERVER_CONTROLS } from './apiserver.js';
import { CONTROLLER_MANAGER_CONTROLS } from './controller-manager.js';
import { ETCD_CONTROLS } from './etcd.js';
import { SCHEDULER_CONTROLS } from './scheduler.js';

export const CONTROL_PLANE_CONTROLS: readonly ResourceControl[] = [
  ...APISERVER_CONTROLS,
  ...CONTROLLER_MANAGER_CONTROLS,
  ...SCHEDULER_CONTROLS,
  ...ETCD_CONTROLS,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export interface OutOfScopeCheck {
  /** The check's number in the CIS Kubernetes Benchmark. */
  id: string;
  reason: string;
}

/** Checks of those sections that flags cannot decide (see README.md in this folder). */
export const OUT_OF_SCOPE_CIS_CHECKS: readonly OutOfScopeCheck[] = [
  { id: '1.2.20', reason: 'a suitable request timeout depends on the cluster and its clients; the benchmark names no value to test' },
  { id: '1.2.28', reason: 'the encryption providers are listed in the file given by --encryption-provider-config, not in flags' },
];
