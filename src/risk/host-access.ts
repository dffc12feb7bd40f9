/**
 * Host access of a workload, from the findings of the controls that judge it (they hold the evidence) and the host
 * network flag the inventory keeps. `escape` is what gives root on the node outright; `host` widens what a
 * compromised container reaches on the node without handing it over by itself.
 */
import type { Finding } from '../model/finding.js';

export type HostAccessLevel = 'escape' | 'host';

export interface HostAccess {
  level: HostAccessLevel;
  /** What the workload is given, in words: `privileged container`, `hostPath volume`. */
  reasons: string[];
  findingIds: string[];
}

const ESCAPES: Record<string, string> = {
  'pss-privileged': 'privileged container',
  'pss-windows-host-process': 'Windows HostProcess container',
  'host-path-runtime-socket': 'container runtime socket mounted',
  'host-path-sensitive': 'sensitive host path mounted',
  'capability-sys-admin': 'CAP_SYS_ADMIN',
};

const HOST: Record<string, string> = {
  'pss-host-path-volumes': 'hostPath volume',
  'pss-host-namespaces': 'host namespace',
  'pss-host-ports': 'host port',
  'pss-capabilities-baseline': 'added capabilities beyond the baseline',
  'capability-dangerous': 'dangerous capability',
};

/** hostPID (or hostIPC) lets a container see and signal the node's processes: nsenter into PID 1 is root on the node. */
function hostNamespaceReason(finding: Finding): { level: HostAccessLevel; reason: string } {
  if (/hostPID/.test(finding.path)) return { level: 'escape', reason: 'hostPID' };
  if (/hostIPC/.test(finding.path)) return { level: 'host', reason: 'hostIPC' };
  if (/hostNetwork/.test(finding.path)) return { level: 'host', reason: 'hostNetwork' };
  return { level: 'host', reason: HOST['pss-host-namespaces']! };
}

function classify(finding: Finding): { level: HostAccessLevel; reason: string } | undefined {
  const escape = ESCAPES[finding.controlId];
  if (escape) return { level: 'escape', reason: escape };
  if (finding.controlId === 'pss-host-namespaces') return hostNamespaceReason(finding);
  const host = HOST[finding.controlId];
  return host ? { level: 'host', reason: host } : undefined;
}

/** The host access a workload's findings show, plus hostNetwork from its summary; undefined when it has none. */
export function hostAccessOf(findings: readonly { finding: Finding; id: string }[], hostNetwork: boolean): HostAccess | undefined {
  const reasons = new Set<string>();
  const ids: string[] = [];
  let level: HostAccessLevel | undefined;
  for (const { finding, id } of findings) {
    const found = classify(finding);
    if (!found) continue;
    reasons.add(found.reason);
    ids.push(id);
    if (level !== 'escape') level = found.level;
  }
  if (hostNetwork) {
    reasons.add('hostNetwork');
    level ??= 'host';
  }
  return level ? { level, reasons: [...reasons].sort(), findingIds: ids.sort() } : undefined;
}
