import { list } from '../../model/k8s.js';
import { defineControl } from '../types.js';
import { serviceSpec } from './service.js';

export default defineControl(
  {
    id: 'service-external-ips',
    title: 'Service claims external IPs (CVE-2020-8554)',
    severity: 'high',
    category: 'Exposure',
    description: 'Flags Services that set spec.externalIPs.',
    rationale:
      'kube-proxy routes traffic for an external IP to the Service from every node, whoever owns that address: a Service naming another system\'s IP intercepts cluster traffic meant for it (CVE-2020-8554, unfixable in Kubernetes itself).',
    remediation:
      'Remove `spec.externalIPs` and use a LoadBalancer or Ingress; block the field cluster-wide with the DenyServiceExternalIPs admission plugin or a policy, allowing only vetted addresses.',
    frameworks: [
      { framework: 'nsa', id: 'network-policies' },
      { framework: 'mitre', id: 'T1557' },
    ],
    appliesTo: ['Service'],
    links: ['https://github.com/kubernetes/kubernetes/issues/97076'],
  },
  (object) => {
    const spec = serviceSpec(object);
    const ips = list(spec?.externalIPs);
    if (ips.length === 0) return [];
    return [
      {
        path: ['spec', 'externalIPs'],
        message: `Service claims external IPs ${ips.map(String).join(', ')}; kube-proxy captures their traffic on every node`,
        found: ips,
        expected: 'no externalIPs',
      },
    ];
  },
);
