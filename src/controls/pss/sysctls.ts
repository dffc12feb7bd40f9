/**
 * Sysctls can disable security mechanisms or affect every container on a host, and are disallowed except for a
 * "safe" subset: namespaced in the container or pod, and isolated from other pods and processes on the node.
 *
 * Restricted fields: spec.securityContext.sysctls[*].name
 * Allowed values:
 *   v1.0:  kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range,
 *          net.ipv4.ip_unprivileged_port_start
 *   v1.27: adds net.ipv4.ip_local_reserved_ports
 *   v1.29: adds net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl,
 *          net.ipv4.tcp_keepalive_probes
 *   v1.32: adds net.ipv4.tcp_rmem, net.ipv4.tcp_wmem
 *   v1.37: adds net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat
 */
import { isRecord, list } from '../../model/k8s.js';
import type { Violation } from '../types.js';
import { definePssControl, type PodCheck } from './define.js';
import type { PssPod } from './pod.js';

const SAFE_1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
const SAFE_1_27 = [...SAFE_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SAFE_1_29 = [
  ...SAFE_1_27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const SAFE_1_32 = [...SAFE_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const SAFE_1_37 = [...SAFE_1_32, 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];

function sysctls(safe: readonly string[]): PodCheck {
  const allowed = new Set(safe);
  return (pod: PssPod) => {
    const violations: Violation[] = [];
    list(pod.securityContext?.sysctls).forEach((sysctl, index) => {
      if (!isRecord(sysctl)) return;
      const name = typeof sysctl.name === 'string' ? sysctl.name : '';
      if (allowed.has(name)) return;
      violations.push({
        path: [...pod.securityContextPath, 'sysctls', index, 'name'],
        message: `forbidden sysctls: ${name === '' ? '(unnamed)' : name}`,
        found: name,
        expected: `one of ${safe.join(', ')}`,
      });
    });
    return violations;
  };
}

export default definePssControl(
  {
    id: 'pss-sysctls',
    title: 'Pod sets an unsafe sysctl',
    severity: 'medium',
    description: 'Flags spec.securityContext.sysctls outside the safe, namespaced set of the policy version.',
    rationale:
      'Unsafe sysctls are not isolated per pod: they change kernel behaviour for the whole node, can weaken protections (kernel.*, vm.*) or starve other workloads.',
    remediation: 'Remove the sysctl from the pod; if a node-level kernel setting is needed, configure it on the nodes (allowed-unsafe-sysctls on a dedicated pool).',
    frameworks: [{ framework: 'nsa', id: 'pod-security' }],
  },
  {
    check: 'sysctls',
    level: 'baseline',
    versions: [
      { minimum: 0, check: sysctls(SAFE_1_0) },
      { minimum: 27, check: sysctls(SAFE_1_27) },
      { minimum: 29, check: sysctls(SAFE_1_29) },
      { minimum: 32, check: sysctls(SAFE_1_32) },
      { minimum: 37, check: sysctls(SAFE_1_37) },
    ],
  },
);
