import { isRecord, list, record } from '../../model/k8s.js';
import { defineControl, type Violation } from '../types.js';

interface TlsCoverage {
  hosts: string[];
  /** A tls entry without hosts, which controllers apply to rules without a host. */
  hostless: boolean;
}

function tlsCoverage(spec: Record<string, unknown>): TlsCoverage | undefined {
  const entries = list(spec.tls).filter(isRecord);
  if (entries.length === 0) return undefined;
  const hosts = entries.flatMap((entry) => list(entry.hosts).filter((host): host is string => typeof host === 'string'));
  return { hosts, hostless: entries.some((entry) => list(entry.hosts).length === 0) };
}

/** A certificate for `*.example.com` covers one label below example.com. */
function covers(tlsHost: string, host: string): boolean {
  if (tlsHost.toLowerCase() === host.toLowerCase()) return true;
  if (!tlsHost.startsWith('*.')) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1).toLowerCase() === tlsHost.slice(2).toLowerCase();
}

export default defineControl(
  {
    id: 'ingress-no-tls',
    title: 'Ingress serves hosts without TLS',
    severity: 'medium',
    category: 'Exposure',
    description: 'Flags Ingresses without spec.tls, and Ingress rules whose host no spec.tls entry covers.',
    rationale:
      'Hosts served over plain HTTP expose credentials, session cookies and data to anyone on the path, and let them alter responses.',
    remediation:
      'Add a `spec.tls` entry listing every host of the rules with a `secretName` holding its certificate (cert-manager can issue it), and redirect HTTP to HTTPS.',
    frameworks: [
      { framework: 'nsa', id: 'network-policies' },
      { framework: 'mitre', id: 'T1040' },
    ],
    appliesTo: ['Ingress'],
  },
  (object) => {
    const spec = object.kind === 'Ingress' ? record(object.spec) : undefined;
    if (!spec) return [];
    const rules = list(spec.rules);
    const tls = tlsCoverage(spec);
    if (!tls) {
      const serves = rules.length > 0 || isRecord(spec.defaultBackend) || isRecord(spec.backend);
      if (!serves) return [];
      const hosts = rules.map((rule) => (isRecord(rule) && typeof rule.host === 'string' ? rule.host : '*'));
      return [{ path: ['spec', 'tls'], message: `Ingress serves ${hosts.join(', ') || 'its default backend'} over plain HTTP only`, found: null, expected: 'spec.tls covering every host' }];
    }
    const violations: Violation[] = [];
    rules.forEach((rule, index) => {
      if (!isRecord(rule)) return;
      if (typeof rule.host === 'string' && rule.host !== '') {
        if (tls.hosts.some((tlsHost) => covers(tlsHost, rule.host as string))) return;
        violations.push({
          path: ['spec', 'rules', index, 'host'],
          message: `host ${rule.host} is not covered by any spec.tls entry`,
          found: rule.host,
          expected: `a spec.tls entry for ${rule.host} (TLS hosts: ${tls.hosts.join(', ') || 'none'})`,
        });
      } else if (!tls.hostless) {
        violations.push({ path: ['spec', 'rules', index], message: 'rule without a host is served without TLS', found: { host: null }, expected: 'a host covered by spec.tls' });
      }
    });
    return violations;
  },
);
