import control from './csr-sign.js';
import { testControl } from '../testing.js';
import { AGGREGATED, DEFAULT_LABELS, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

const CERTS = ['certificates.k8s.io'];
const status = rule(['update'], ['certificatesigningrequests/status'], CERTS);
const signer = (names?: string[]) => rule(['sign'], ['signers'], CERTS, names);

testControl(control, {
  valid: [
    { name: 'status without a signer', objects: role([status], 'ClusterRole') },
    { name: 'signer without status', objects: role([signer()], 'ClusterRole') },
    { name: 'approving is not signing', objects: role([rule(['update'], ['certificatesigningrequests/approval'], CERTS), rule(['approve'], ['signers'], CERTS)], 'ClusterRole') },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    {
      name: 'status and every signer',
      objects: role([rule(['get', 'list'], ['certificatesigningrequests'], CERTS), status, signer()], 'ClusterRole'),
      violations: [{ path: 'rules[1].resources', message: 'can sign certificate signing requests for every signer (with rules[2])' }],
    },
    {
      name: 'the client signer through a wildcard subresource',
      objects: role([signer(['kubernetes.io/kube-apiserver-client']), rule(['patch'], ['*/status'], CERTS)], 'ClusterRole'),
      violations: [{ path: 'rules[1].resources', message: 'signers kubernetes.io/kube-apiserver-client' }],
    },
    {
      name: 'the default certificate controller',
      objects: role([status, signer(['kubernetes.io/kube-apiserver-client'])], 'ClusterRole', { name: 'system:controller:certificate-controller', ...DEFAULT_LABELS }),
      violations: [{ path: 'rules[0].resources', message: 'default role' }],
    },
  ],
});
