/**
 * Sections of the NSA-CISA Kubernetes Hardening Guide (v1.2, August 2022) that controls refer to, as
 * `{ framework: 'nsa', id }`. Titles are the guide's own headings.
 */
export const NSA_SECTIONS: Readonly<Record<string, string>> = {
  'non-root': 'Kubernetes Pod security: Use containers built to run applications as non-root users',
  'immutable-fs': 'Kubernetes Pod security: Run containers with immutable file systems',
  'secure-images': 'Kubernetes Pod security: Building secure container images',
  'pod-security': 'Kubernetes Pod security: Pod security enforcement',
  'sa-tokens': 'Kubernetes Pod security: Protecting Pod service account tokens',
  'hardening-env': 'Kubernetes Pod security: Hardening container environments',
  namespaces: 'Network separation and hardening: Namespaces',
  'network-policies': 'Network separation and hardening: Network policies',
  'resource-policies': 'Network separation and hardening: Resource policies',
  'control-plane': 'Network separation and hardening: Control plane hardening',
  secrets: 'Network separation and hardening: Secrets',
  rbac: 'Authentication and authorization: Role-based access control',
  'audit-logging': 'Audit logging and threat detection',
  upgrades: 'Upgrading and application security practices',
};
