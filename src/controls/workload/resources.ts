import { record, type Container, type PodSpec } from '../../model/k8s.js';
import { checkContainers } from '../containers.js';
import { defineControl, type ControlMeta, type ResourceControl } from '../types.js';
import { containerName } from './pod-helpers.js';

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

const WORD: Readonly<Record<ResourceList, string>> = { limits: 'limit', requests: 'request' };

/** Like setsQuantity, but a limit also counts as a request: Kubernetes copies it there. */
function hasQuantity(spec: PodSpec, container: Container, kind: ResourceList, resource: string): boolean {
  return setsQuantity(spec, container, kind, resource) || (kind === 'requests' && setsQuantity(spec, container, 'limits', resource));
}

/** A control flagging containers and init containers that leave `kind.resource` unset for any of the resources. */
export function missingResourceControl(meta: ControlMeta, kind: ResourceList, resources: readonly string[]): ResourceControl {
  return defineControl(meta, (object) =>
    checkContainers(
      object,
      ({ container, path }, template) =>
        resources
          .filter((resource) => !hasQuantity(template.spec, container, kind, resource))
          .map((resource) => ({
            path: [...path, 'resources', kind, resource],
            message: `container "${containerName(container)}" has no ${resource} ${WORD[kind]}`,
            found: 'not set',
            expected: `resources.${kind}.${resource} set`,
          })),
      { lists: ['initContainers', 'containers'] },
    ),
  );
}
