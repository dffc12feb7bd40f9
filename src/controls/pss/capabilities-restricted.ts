/**
 * Containers must drop ALL capabilities, and may only add back NET_BIND_SERVICE.
 *
 * Restricted fields: spec.containers[*].securityContext.capabilities.drop (and initContainers, ephemeralContainers)
 * Allowed values: must include "ALL"
 *
 * Restricted fields: spec.containers[*].securityContext.capabilities.add (and initContainers, ephemeralContainers)
 * Allowed values: undefined/empty, "NET_BIND_SERVICE"
 *
 * From v1.25 pods with spec.os.name: windows are exempt.
 */
import { list, record, type Capabilities } from '../../model/k8s.js';
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { containerSecurityContexts, isWindowsPod, quoteList, type PssPod } from './pod.js';

function capabilitiesRestricted_1_22(pod: PssPod): Violation[] {
  const violations: Violation[] = [];
  for (const { who, context, path } of containerSecurityContexts(pod)) {
    const capabilities = record<Capabilities>(context?.capabilities);
    const dropped = list(capabilities?.drop);
    if (!dropped.includes('ALL')) {
      violations.push({
        path: [...path, 'capabilities', 'drop'],
        message: `unrestricted capabilities: ${who} must set securityContext.capabilities.drop=["ALL"]`,
        found: capabilities?.drop ?? null,
        expected: 'a list that includes ALL',
      });
    }
    const forbidden = list(capabilities?.add).filter((capability) => capability !== 'NET_BIND_SERVICE');
    if (forbidden.length > 0) {
      violations.push({
        path: [...path, 'capabilities', 'add'],
        message: `unrestricted capabilities: ${who} must not include ${quoteList(forbidden)} in securityContext.capabilities.add`,
        found: forbidden,
        expected: 'no added capabilities other than NET_BIND_SERVICE',
      });
    }
  }
  return violations;
}

function capabilitiesRestricted_1_25(pod: PssPod): Violation[] {
  // Windows has no Linux capabilities, and API validation rejects the field on Windows pods.
  return isWindowsPod(pod) ? [] : capabilitiesRestricted_1_22(pod);
}

export default definePssControl(
  {
    id: 'pss-capabilities-restricted',
    title: 'Container does not drop all capabilities',
    severity: 'high',
    description: 'Flags containers that do not drop ALL capabilities, or that add back any capability but NET_BIND_SERVICE.',
    rationale:
      'Runtimes grant a default set of capabilities (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW, ...) most processes never use; each is attack surface for privilege escalation and lateral movement. Dropping all leaves only what is explicitly needed.',
    remediation: 'Set securityContext.capabilities.drop: ["ALL"] on every container, and add back only NET_BIND_SERVICE when the process binds a port below 1024.',
    frameworks: [
      { framework: 'cis', id: '5.2.9' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1611' },
    ],
  },
  {
    check: 'capabilities_restricted',
    level: 'restricted',
    versions: [
      { minimum: 22, check: capabilitiesRestricted_1_22, overrides: ['pss-capabilities-baseline'] },
      { minimum: 25, check: capabilitiesRestricted_1_25, overrides: ['pss-capabilities-baseline'] },
    ],
  },
);
