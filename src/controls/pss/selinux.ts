/**
 * Setting the SELinux type is restricted, and setting a custom SELinux user or role option is forbidden.
 *
 * Restricted fields: spec.securityContext.seLinuxOptions.type, spec.containers[*].securityContext.seLinuxOptions.type
 * (and initContainers, ephemeralContainers)
 * Allowed values: undefined/empty, container_t, container_init_t, container_kvm_t; from v1.31 also container_engine_t
 *
 * Restricted fields: seLinuxOptions.user and seLinuxOptions.role, at pod and container level
 * Allowed values: undefined/empty
 */
import { record, type SELinuxOptions } from '../../model/k8s.js';
import type { Violation } from '../types.js';
import { definePssControl, type PodCheck } from './define.js';
import { isUnset, securityContextSetters, type PssPod } from './pod.js';

const TYPES_1_0 = ['container_t', 'container_init_t', 'container_kvm_t'];
const TYPES_1_31 = [...TYPES_1_0, 'container_engine_t'];

function isEmpty(value: unknown): boolean {
  return isUnset(value) || value === '';
}

function seLinuxOptions(allowedTypes: readonly string[]): PodCheck {
  const allowed = new Set(allowedTypes);
  return (pod: PssPod) => {
    const violations: Violation[] = [];
    for (const { who, context, path } of securityContextSetters(pod)) {
      const options = record<SELinuxOptions>(context?.seLinuxOptions);
      if (!options) continue;
      const optionsPath = [...path, 'seLinuxOptions'];
      if (!isEmpty(options.type) && !(typeof options.type === 'string' && allowed.has(options.type))) {
        violations.push({
          path: [...optionsPath, 'type'],
          message: `seLinuxOptions: ${who} set forbidden securityContext.seLinuxOptions: type ${JSON.stringify(options.type)}`,
          found: options.type,
          expected: `empty or one of ${allowedTypes.join(', ')}`,
        });
      }
      for (const field of ['user', 'role'] as const) {
        if (isEmpty(options[field])) continue;
        violations.push({
          path: [...optionsPath, field],
          message: `seLinuxOptions: ${who} set forbidden securityContext.seLinuxOptions: ${field} may not be set`,
          found: options[field],
          expected: 'undefined or empty',
        });
      }
    }
    return violations;
  };
}

export default definePssControl(
  {
    id: 'pss-selinux',
    title: 'Custom SELinux type, user or role',
    severity: 'medium',
    description: 'Flags seLinuxOptions that set a type outside the container types, or any user or role.',
    rationale:
      'The container SELinux types confine a process to its own files. A custom type (spc_t, unconfined_t) or user/role can lift that confinement and give the container access to host files and processes.',
    remediation: 'Remove seLinuxOptions.user and .role, and leave .type unset or use container_t (container_init_t, container_kvm_t, container_engine_t where needed).',
    frameworks: [
      { framework: 'nsa', id: 'hardening-env' },
      { framework: 'mitre', id: 'T1611' },
    ],
  },
  {
    check: 'seLinuxOptions',
    level: 'baseline',
    versions: [
      { minimum: 0, check: seLinuxOptions(TYPES_1_0) },
      { minimum: 31, check: seLinuxOptions(TYPES_1_31) },
    ],
  },
);
