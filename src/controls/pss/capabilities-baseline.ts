/**
 * Adding NET_RAW or capabilities beyond the default set must be disallowed.
 *
 * Restricted fields: spec.containers[*].securityContext.capabilities.add (and initContainers, ephemeralContainers)
 * Allowed values: undefined/empty, or values from the default set AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID,
 * KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT
 */
import { list, record, type Capabilities } from '../../model/k8s.js';
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { containerSecurityContexts, quoteList, type PssPod } from './pod.js';

export const DEFAULT_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

function capabilitiesBaseline_1_0(pod: PssPod): Violation[] {
  const violations: Violation[] = [];
  for (const { who, context, path } of containerSecurityContexts(pod)) {
    const added = list(record<Capabilities>(context?.capabilities)?.add);
    const forbidden = added.filter((capability) => typeof capability !== 'string' || !DEFAULT_CAPABILITIES.has(capability));
    if (forbidden.length === 0) continue;
    violations.push({
      path: [...path, 'capabilities', 'add'],
      message: `non-default capabilities: ${who} must not include ${quoteList(forbidden)} in securityContext.capabilities.add`,
      found: forbidden,
      expected: `no added capabilities beyond the default set (${[...DEFAULT_CAPABILITIES].join(', ')})`,
    });
  }
  return violations;
}

export default definePssControl(
  {
    id: 'pss-capabilities-baseline',
    title: 'Container adds capabilities beyond the default set',
    severity: 'high',
    description: 'Flags containers whose securityContext.capabilities.add holds a capability outside the container runtime default set (NET_RAW, SYS_ADMIN, ...).',
    rationale:
      'Capabilities are slices of root. SYS_ADMIN, SYS_PTRACE, SYS_MODULE or DAC_READ_SEARCH each open known container escapes; NET_RAW allows ARP and DNS spoofing of neighbouring pods.',
    remediation: 'Remove the extra entries from securityContext.capabilities.add; better, drop ALL and add back only NET_BIND_SERVICE if the process binds a low port.',
    frameworks: [
      { framework: 'cis', id: '5.2.8' },
      { framework: 'cis', id: '5.2.9' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1611' },
    ],
  },
  { check: 'capabilities_baseline', level: 'baseline', versions: [{ minimum: 0, check: capabilitiesBaseline_1_0 }] },
);
