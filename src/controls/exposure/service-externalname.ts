import { isIP } from 'node:net';
import { defineControl } from '../types.js';
import { serviceSpec } from './service.js';

/** Why an ExternalName target is suspicious, or undefined for an ordinary external host name. */
function internalTarget(name: string): string | undefined {
  const host = name.trim().toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'the node\'s loopback';
  if (isIP(host) !== 0) return 'an IP address';
  if (/\.svc(\.|$)/.test(host)) return 'another Service inside the cluster';
  return undefined;
}

export default defineControl(
  {
    id: 'service-externalname',
    title: 'ExternalName Service points inside the cluster or at an address',
    severity: 'medium',
    category: 'Exposure',
    description:
      'Flags ExternalName Services whose target is localhost, an IP address, or a Service name of the cluster (`*.svc...`).',
    rationale:
      'Ingress controllers and meshes proxy to ExternalName targets with their own network position: a Service in one namespace can thereby route public traffic to loopback admin ports or to another tenant\'s Services, around NetworkPolicy and namespace isolation.',
    remediation:
      'Point ExternalName only at external DNS names; to reach a Service of another namespace, expose it deliberately (a Gateway route with a ReferenceGrant) instead of aliasing it.',
    frameworks: [
      { framework: 'nsa', id: 'namespaces' },
      { framework: 'mitre', id: 'T1090' },
    ],
    appliesTo: ['Service'],
  },
  (object) => {
    const spec = serviceSpec(object);
    if (!spec || spec.type !== 'ExternalName' || typeof spec.externalName !== 'string') return [];
    const reason = internalTarget(spec.externalName);
    if (!reason) return [];
    return [
      {
        path: ['spec', 'externalName'],
        message: `ExternalName Service aliases ${reason} (${spec.externalName})`,
        found: spec.externalName,
        expected: 'an external DNS name',
      },
    ];
  },
);
