import control from './internet-egress-sensitive.js';
import { testControl } from '../testing.js';
import { DENY_ALL, deployment, namespace, policy } from './testing.js';

const sensitive = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'payments', labels: { 'kspm.io/sensitive': 'true' } } };
const hostAgent = {
  apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'proxy', namespace: 'kube-system' },
  spec: { template: { metadata: { labels: { app: 'proxy' } }, spec: { hostNetwork: true, containers: [{ name: 'proxy', image: 'proxy:1' }] } } },
};
const internetOn443 = { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ port: 443 }] }] };
const clusterOnly = { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {} }] }, { to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] };

testControl(control, {
  valid: [
    { name: 'ordinary namespaces are not judged', objects: [namespace('shop'), deployment('web', 'shop')] },
    { name: 'kube-system with default-deny', objects: [deployment('dns', 'kube-system'), policy(DENY_ALL, 'deny', 'kube-system')] },
    { name: 'egress to the cluster and private ranges only', objects: [sensitive, deployment('api', 'payments'), policy(clusterOnly, 'cluster-only', 'payments')] },
    { name: 'host-network pods are beyond policies', objects: [hostAgent] },
  ],
  invalid: [
    {
      name: 'kube-system without egress policies',
      objects: [deployment('dns', 'kube-system')],
      violations: [{ path: 'metadata', subject: 'Deployment kube-system/dns', message: 'can reach the internet on all ports: no NetworkPolicy isolates it for egress' }],
    },
    {
      name: 'a labelled namespace whose policy opens 443 to the internet',
      objects: [sensitive, deployment('api', 'payments'), policy(internetOn443, 'out', 'payments')],
      violations: [{ path: 'metadata', subject: 'Deployment payments/api', message: 'can reach the internet on TCP 443: its egress policies (payments/out) allow it' }],
    },
  ],
});
