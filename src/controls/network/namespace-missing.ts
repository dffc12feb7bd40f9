import { defineInventoryControl } from '../types.js';
import { describeNamespace, NAMESPACE_ISOLATION_FRAMEWORKS, namespacesWithWorkloads, subjectOf } from './namespaces.js';

export default defineInventoryControl(
  {
    id: 'netpol-namespace-missing',
    title: 'Namespace runs workloads without any NetworkPolicy',
    severity: 'medium',
    category: 'Network',
    description: 'Flags each namespace that holds workloads but no NetworkPolicy.',
    rationale:
      'Pods that no NetworkPolicy selects accept traffic from every pod of the cluster and may call anything: one compromised pod anywhere reaches them, and they reach everything else.',
    remediation:
      'Add a default-deny NetworkPolicy to the namespace (`podSelector: {}`, `policyTypes: [Ingress, Egress]`), then policies that allow the traffic each workload needs.',
    frameworks: NAMESPACE_ISOLATION_FRAMEWORKS,
    appliesTo: ['Namespace'],
  },
  (inventory) =>
    namespacesWithWorkloads(inventory).map((namespace) => ({
      entry: subjectOf(inventory, namespace, namespace.workloads[0]!),
      violations:
        namespace.policies.length > 0
          ? []
          : [
              {
                path: ['metadata'],
                message: `${describeNamespace(namespace.name)} runs ${namespace.workloads.length} workload(s) and has no NetworkPolicy`,
                found: { namespace: namespace.name, workloads: namespace.workloads.length, networkPolicies: 0 },
                expected: 'at least one NetworkPolicy, starting with a default deny',
              },
            ],
    })),
);
