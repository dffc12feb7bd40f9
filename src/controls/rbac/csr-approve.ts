import { csrControl } from './csr.js';

export default csrControl(
  {
    id: 'rbac-csr-approve',
    title: 'Role can approve certificate signing requests',
    severity: 'high',
    category: 'RBAC',
    description:
      'Flags Roles and ClusterRoles that grant both update (or patch) on certificatesigningrequests/approval and approve on signers: together they approve CSRs.',
    rationale:
      'Approving a CSR for the kube-apiserver-client signer mints a client certificate with any user and group name, system:masters included; certificates cannot be revoked before they expire.',
    remediation:
      'Remove approval rights from the role, or limit `approve` on signers with `resourceNames` to the one signer the approver serves (never kubernetes.io/kube-apiserver-client).',
    frameworks: [
      { framework: 'cis', id: '5.1.11' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1649' },
    ],
    appliesTo: ['ClusterRole', 'Role'],
  },
  { subresource: 'approval', signerVerb: 'approve', can: 'approve certificate signing requests' },
);
