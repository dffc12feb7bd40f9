import { csrControl } from './csr.js';

export default csrControl(
  {
    id: 'rbac-csr-sign',
    title: 'Role can sign certificate signing requests',
    severity: 'high',
    category: 'RBAC',
    description:
      'Flags Roles and ClusterRoles that grant both update (or patch) on certificatesigningrequests/status and sign on signers: together they issue the certificate of a CSR.',
    rationale:
      'A signer writes the issued certificate into the CSR status. A role that may sign for the kube-apiserver-client signer (or every signer) can issue client certificates for any user and group, system:masters included, and certificates cannot be revoked before they expire.',
    remediation:
      'Keep signing to the controller that runs the signer; limit `sign` on signers with `resourceNames` to that one signer, and never grant it for kubernetes.io/kube-apiserver-client to anything but the controller manager.',
    frameworks: [
      { framework: 'cis', id: '5.1.11' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1649' },
    ],
    appliesTo: ['ClusterRole', 'Role'],
    links: ['https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/#signing'],
  },
  { subresource: 'status', signerVerb: 'sign', can: 'sign certificate signing requests' },
);
