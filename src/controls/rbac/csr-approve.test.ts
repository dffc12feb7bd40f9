import control from './csr-approve.js';
import { testControl } from '../testing.js';
import { AGGREGATED, DEFAULT_LABELS, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

const CERTS = ['certificates.k8s.io'];
const approval = rule(['update'], ['certificatesigningrequests/approval'], CERTS);
const signer = (names?: string[]) => rule(['approve'], ['signers'], CERTS, names);

testControl(control, {
  valid: [
    { name: 'approval without a signer', objects: role([approval], 'ClusterRole') },
    { name: 'signer without approval', objects: role([signer()], 'ClusterRole') },
    { name: 'create and read CSRs', objects: role([rule(['create', 'get'], ['certificatesigningrequests'], CERTS), signer()], 'ClusterRole') },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    {
      name: 'approval and every signer',
      objects: role([rule(['get'], ['certificatesigningrequests'], CERTS), approval, signer()], 'ClusterRole'),
      violations: [{ path: 'rules[1].resources', message: 'for every signer (with rules[2])' }],
    },
    {
      name: 'named signer',
      objects: role([signer(['kubernetes.io/kube-apiserver-client']), rule(['patch'], ['*/approval'], CERTS)], 'ClusterRole'),
      violations: [{ path: 'rules[1].resources', message: 'signers kubernetes.io/kube-apiserver-client' }],
    },
    {
      name: 'default role',
      objects: role([approval, signer(['kubernetes.io/legacy-unknown'])], 'ClusterRole', { name: 'system:controller:certificate-controller', ...DEFAULT_LABELS }),
      violations: [{ path: 'rules[0].resources', message: 'default role' }],
    },
  ],
});
