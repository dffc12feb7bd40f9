/** Exposure by workload, for the modules that ask of one workload whether, and how, the outside reaches it. */
import type { ObjectRef, WorkloadExposure } from './model.js';

/** `namespace/kind/name`; a workload written without a namespace has an empty one. */
export function workloadKey(ref: ObjectRef): string {
  return `${ref.namespace ?? ''}/${ref.kind}/${ref.name}`;
}

export function exposureIndex(exposures: Iterable<WorkloadExposure>): ReadonlyMap<string, WorkloadExposure> {
  return new Map([...exposures].map((entry) => [workloadKey(entry.workload), entry]));
}

/** Reachable from the internet: some way in that is not an internal load balancer. */
export function isInternetFacing(exposure: WorkloadExposure | undefined): boolean {
  return exposure?.exposures.some((way) => !way.internal) === true;
}
