import { containersOf, podTemplateOf, type PodTemplate } from '../../inventory/pod-spec.js';
import { defineControl, type ControlMeta, type ResourceControl, type Violation } from '../types.js';
import { containerName, isWindowsPod, securityContextOf } from './pod-helpers.js';

/** IDs below this may be shared with users and groups of the node (kube-linter and Trivy use the same bound). */
export const MIN_NODE_SAFE_ID = 10000;

/**
 * Violations for `runAsUser`/`runAsGroup` values below MIN_NODE_SAFE_ID, at the container level and at the pod level
 * when some container inherits it. `isLow` decides which values count (UID 0 is left to the Pod Security checks).
 */
function lowIdViolations(template: PodTemplate, field: 'runAsUser' | 'runAsGroup', isLow: (id: number) => boolean): Violation[] {
  if (isWindowsPod(template.spec)) return [];
  const violations: Violation[] = [];
  const containers = containersOf(template);
  const podValue = securityContextOf(template.spec)?.[field];
  const inherited = containers.length === 0 || containers.some(({ container }) => typeof securityContextOf(container)?.[field] !== 'number');
  if (typeof podValue === 'number' && isLow(podValue) && inherited) {
    violations.push({
      path: [...template.specPath, 'securityContext', field],
      message: `the pod sets ${field} ${podValue}, below ${MIN_NODE_SAFE_ID}`,
      found: podValue,
      expected: `${field} >= ${MIN_NODE_SAFE_ID}`,
    });
  }
  for (const { container, path } of containers) {
    const value = securityContextOf(container)?.[field];
    if (typeof value !== 'number' || !isLow(value)) continue;
    violations.push({
      path: [...path, 'securityContext', field],
      message: `container "${containerName(container)}" sets ${field} ${value}, below ${MIN_NODE_SAFE_ID}`,
      found: value,
      expected: `${field} >= ${MIN_NODE_SAFE_ID}`,
    });
  }
  return violations;
}

/** A control reporting the low `field` values `isLow` picks, in the pod's and its containers' security contexts. */
export function lowIdControl(meta: ControlMeta, field: 'runAsUser' | 'runAsGroup', isLow: (id: number) => boolean): ResourceControl {
  return defineControl(meta, (object) => {
    const template = podTemplateOf(object);
    return template ? lowIdViolations(template, field, isLow) : [];
  });
}
