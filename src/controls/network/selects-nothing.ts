import { selectorMatches } from '../../model/label-selector.js';
import { record } from '../../model/k8s.js';
import { defineInventoryControl } from '../types.js';
import { namespacesWithWorkloads } from './namespaces.js';

export default defineInventoryControl(
  {
    id: 'netpol-selects-nothing',
    title: 'NetworkPolicy that selects no pod',
    severity: 'low',
    category: 'Network',
    description:
      'Flags NetworkPolicies whose podSelector matches no workload of their namespace, in namespaces where the scan saw workloads.',
    rationale:
      'A policy that selects nothing protects nothing. It is usually a typo in a label or a policy left behind by a renamed workload, and it gives a false sense that the pods it was written for are isolated.',
    remediation:
      "Fix the podSelector to match the pod template labels of the workloads it is meant for (`kubectl get pods -n NS --show-labels`), or delete the policy if nothing should be selected.",
    frameworks: [
      { framework: 'cis', id: '5.3.2' },
      { framework: 'nsa', id: 'network-policies' },
    ],
    appliesTo: ['NetworkPolicy'],
    links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
  },
  (inventory) =>
    namespacesWithWorkloads(inventory).flatMap((namespace) =>
      namespace.policies.map((policy) => {
        const spec = record(policy.object?.spec) ?? {};
        const selector = spec.podSelector === undefined || spec.podSelector === null ? {} : spec.podSelector;
        const selects = namespace.workloads.some((workload) => workload.workload?.hostNetwork !== true && selectorMatches(selector, workload.workload?.podLabels ?? {}));
        return {
          entry: policy,
          violations: selects
            ? []
            : [{
                path: ['spec', 'podSelector'],
                message: `NetworkPolicy ${policy.ref.name} selects none of the ${namespace.workloads.length} workload${namespace.workloads.length === 1 ? '' : 's'} of namespace ${namespace.name || '(none given)'}`,
                found: selector,
                expected: 'a podSelector matching the pod labels of at least one workload',
              }],
        };
      }),
    ),
);
