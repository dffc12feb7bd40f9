import { record, type Container, type PodSpec } from '../../model/k8s.js';

export type ResourceList = 'limits' | 'requests';

function isQuantity(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

/** Whether the container (or the pod as a whole, with pod-level resources) sets `list.resource`. */
export function setsQuantity(spec: PodSpec, container: Container, kind: ResourceList, resource: string): boolean {
  const own = record(record(container.resources)?.[kind]);
  if (isQuantity(own?.[resource])) return true;
  const pod = record(record(spec.resources)?.[kind]);
  return isQuantity(pod?.[resource]);
}
