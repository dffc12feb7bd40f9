import { record } from '../../model/k8s.js';
import { defineInventoryControl, type Violation } from '../types.js';
import { describeNamespace, NAMESPACE_ISOLATION_FRAMEWORKS, namespacesWithWorkloads, subjectOf } from './namespaces.js';
import { deniesByDefault, type Direction } from './policy.js';

const DIRECTIONS: readonly Direction[] = ['Ingress', 'Egress'];

export default defineInventoryControl(
  {
    id: 'netpol-no-default-deny',
    title: 'Namespace has NetworkPolicies but no default deny',
    severity: 'low',
    category: 'Network',
    description:
      'Flags namespaces that hold workloads and NetworkPolicies, but no policy selecting every pod (empty podSelector) that isolates them for Ingress, or for Egress.',
    rationale:
      'Without a default deny, only the pods some policy happens to select are isolated: a new workload, or one whose labels change, is open to the whole cluster until someone writes a policy for it.',
    remediation:
      'Add a policy with `podSelector: {}` and `policyTypes: [Ingress, Egress]` and no rules, then allow the needed traffic (DNS egress included) with specific policies.',
    frameworks: NAMESPACE_ISOLATION_FRAMEWORKS,
    appliesTo: ['Namespace'],
  },
  (inventory) =>
    namespacesWithWorkloads(inventory)
      .filter((namespace) => namespace.policies.length > 0)
      .map((namespace) => {
        const specs = namespace.policies.map((policy) => record(policy.object?.spec)).filter((spec) => spec !== undefined);
        const violations: Violation[] = DIRECTIONS.filter((direction) => !specs.some((spec) => deniesByDefault(spec, direction))).map(
          (direction) => ({
            path: ['metadata'],
            message: `${describeNamespace(namespace.name)} has no default-deny ${direction} policy: pods no policy selects are open`,
            found: { namespace: namespace.name, networkPolicies: namespace.policies.map((policy) => policy.ref.name) },
            expected: `a NetworkPolicy with podSelector: {} and policyTypes including ${direction}`,
          }),
        );
        return { entry: subjectOf(inventory, namespace, namespace.policies[0]!), violations };
      }),
);
