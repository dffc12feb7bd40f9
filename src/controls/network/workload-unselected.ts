import type { InventoryEntry } from '../../inventory/inventory.js';
import { record } from '../../model/k8s.js';
import { defineInventoryControl, type Violation } from '../types.js';
import { selectorMatches } from '../../model/label-selector.js';
import { describeNamespace, NAMESPACE_ISOLATION_FRAMEWORKS, namespacesWithWorkloads, type ScannedNamespace } from './namespaces.js';
import { affects } from './policy.js';

/** Whether the policy isolates pods with these labels in at least one direction. */
function selects(policy: InventoryEntry, podLabels: Record<string, string>): boolean {
  const spec = record(policy.object?.spec);
  if (!spec || !(affects(spec, 'Ingress') || affects(spec, 'Egress'))) return false;
  // podSelector is a struct, not a pointer, in the NetworkPolicy API: left out, it is the empty selector.
  return spec.podSelector === undefined || spec.podSelector === null || selectorMatches(spec.podSelector, podLabels);
}

function describeLabels(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}=${String(value)}`);
  return pairs.length > 0 ? `labels ${pairs.join(', ')}` : 'no labels';
}

function unselected(namespace: ScannedNamespace, podLabels: Record<string, string>): Violation {
  const policies = namespace.policies.map((policy) => policy.ref.name);
  const where = describeNamespace(namespace.name);
  const cause =
    policies.length === 0
      ? `${where} has no NetworkPolicy to select its pods`
      : policies.length === 1
        ? `the only NetworkPolicy of ${where} does not select its pods`
        : `none of the ${policies.length} NetworkPolicies of ${where} selects its pods`;
  return {
    path: ['metadata'],
    message: `${cause} (${describeLabels(podLabels)}), so they accept connections from any source and may connect to any destination`,
    found: { podLabels, networkPolicies: policies },
    expected: 'a NetworkPolicy of the namespace whose podSelector matches the pod labels (podSelector: {} selects every pod)',
  };
}

export default defineInventoryControl(
  {
    id: 'netpol-workload-unselected',
    title: 'Workload whose pods no NetworkPolicy selects',
    severity: 'medium',
    category: 'Network',
    description:
      'Flags each workload whose pod labels no NetworkPolicy of its namespace selects, for Ingress or for Egress: its pods are not isolated in either direction.',
    rationale:
      'A pod is isolated only by the policies that select it. An unselected pod accepts traffic from every pod of the cluster (and from outside, through its services) and may call anything, so a compromise anywhere reaches it and a compromise of it reaches everything. Policies written for other pods of the namespace give no protection to it.',
    remediation:
      'Add a default-deny NetworkPolicy to the namespace (`podSelector: {}`, `policyTypes: [Ingress, Egress]`) so that new and relabelled pods start isolated, then allow the traffic this workload needs with a policy whose podSelector matches its pod labels.',
    frameworks: NAMESPACE_ISOLATION_FRAMEWORKS,
    appliesTo: 'workloads',
    links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation'],
  },
  (inventory) =>
    namespacesWithWorkloads(inventory).flatMap((namespace) =>
      // NetworkPolicies do not apply to pods on the host's network: no policy could fix them, so they are not judged.
      namespace.workloads.filter((workload) => workload.workload?.hostNetwork !== true).map((workload) => {
        const podLabels = workload.workload?.podLabels ?? {};
        const covered = namespace.policies.some((policy) => selects(policy, podLabels));
        return { entry: workload, violations: covered ? [] : [unselected(namespace, podLabels)] };
      }),
    ),
);
