import { networkEstateOfInventory } from '../../network/from-inventory.js';
import { describePorts, isEmpty } from '../../network/ports.js';
import { Reachability } from '../../network/reachability.js';
import { defineInventoryControl } from '../types.js';

/** Namespaces whose pods hold the cluster's keys, plus any a team marks with this label. */
const SYSTEM_NAMESPACES = new Set(['kube-system']);
export const SENSITIVE_LABEL = 'kspm.io/sensitive';

export default defineInventoryControl(
  {
    id: 'netpol-internet-egress-sensitive',
    title: 'Sensitive namespace can reach the internet',
    severity: 'high',
    category: 'Network',
    description:
      `Flags workloads of sensitive namespaces (kube-system, and namespaces labelled \`${SENSITIVE_LABEL}: "true"\`) whose NetworkPolicies let them open connections to addresses outside the cluster.`,
    rationale:
      'Pods of sensitive namespaces hold powerful credentials. Open egress to the internet is how a compromised pod downloads tools, reaches its command-and-control server and sends stolen data out; denying it turns a compromise into a contained one.',
    remediation:
      'Add a default-deny egress policy to the namespace and allow only the destinations the workloads need: DNS, the API server, and named external services by ipBlock.',
    frameworks: [
      { framework: 'cis', id: '5.3.2' },
      { framework: 'nsa', id: 'network-policies' },
      { framework: 'mitre', id: 'T1041' },
    ],
    appliesTo: 'workloads',
    links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic'],
  },
  (inventory) => {
    const { estate, entries } = networkEstateOfInventory(inventory);
    const sensitive = (namespace: string) => SYSTEM_NAMESPACES.has(namespace) || estate.namespaces.get(namespace)?.[SENSITIVE_LABEL] === 'true';
    const reachability = new Reachability(estate);
    // Pods on the host network are beyond NetworkPolicies: no policy could fix them, so they are not judged here.
    return estate.workloads.filter((workload) => sensitive(workload.namespace) && !workload.hostNetwork).map((workload) => {
      const verdict = reachability.connection({ type: 'workload', workload }, { type: 'internet' });
      const open = !isEmpty(verdict.allowed);
      const why = verdict.egress.selectedBy.length === 0 ? 'no NetworkPolicy isolates it for egress' : `its egress policies (${verdict.egress.selectedBy.join(', ')}) allow it`;
      return {
        entry: entries.get(workload)!,
        violations: open
          ? [{ path: ['metadata'], message: `${workload.kind} ${workload.namespace}/${workload.name} can reach the internet on ${describePorts(verdict.allowed)}: ${why}`, found: describePorts(verdict.allowed), expected: 'no egress to addresses outside the cluster' }]
          : [],
      };
    });
  },
);
