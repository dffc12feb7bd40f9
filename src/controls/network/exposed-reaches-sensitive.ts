import type { Inventory, InventoryEntry } from '../../inventory/inventory.js';
import { ExposureCollector, exposureIndex, isInternetFacing, workloadKey } from '../../network/exposure/index.js';
import { networkEstateOfInventory } from '../../network/from-inventory.js';
import { isEmpty } from '../../network/ports.js';
import { Reachability } from '../../network/reachability.js';
import { RbacModel } from '../../rbac/model.js';
import type { AuthorizationRequest } from '../../rbac/request.js';
import { impersonated, serviceAccountUser } from '../../rbac/users.js';
import { defineInventoryControl } from '../types.js';

const EXPOSURE_KINDS = ['Service', 'Ingress', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'ReferenceGrant'];
const RBAC_KINDS = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'];
const SHOWN = 5;

/** What makes a service account privileged: it can read Secrets, start pods, or act beyond its namespace's bounds. */
function privilegedRequests(namespace: string): AuthorizationRequest[] {
  return [
    { type: 'resource', verb: 'get', group: '', resource: 'secrets', namespace },
    { type: 'resource', verb: 'list', group: '', resource: 'secrets', namespace },
    { type: 'resource', verb: 'create', group: '', resource: 'pods', namespace },
    { type: 'resource', verb: 'create', group: '', resource: 'pods', subresource: 'exec', namespace },
    { type: 'resource', verb: 'impersonate', group: '', resource: 'serviceaccounts', namespace },
    { type: 'resource', verb: 'bind', group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
    { type: 'resource', verb: 'escalate', group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  ];
}

function objectsOf(inventory: Inventory, kinds: readonly string[]) {
  return kinds.flatMap((kind) => inventory.ofKind(kind)).flatMap((entry) => (entry.object ? [entry.object] : []));
}

/** Why a workload is worth reaching: it holds Secrets, or runs as a privileged service account. */
function sensitivity(entry: InventoryEntry, model: RbacModel): string | undefined {
  const summary = entry.workload;
  if (!summary) return undefined;
  if (summary.mountsSecrets) return 'holds Secrets';
  const namespace = entry.ref.namespace ?? '';
  const user = impersonated(serviceAccountUser(namespace, summary.serviceAccount));
  const granted = privilegedRequests(namespace).find((request) => model.authorize(user, request).allowed);
  return granted ? `runs as service account ${summary.serviceAccount}, which may ${granted.verb} ${granted.type === 'resource' ? granted.resource + (granted.subresource ? `/${granted.subresource}` : '') : ''}` : undefined;
}

export default defineInventoryControl(
  {
    id: 'netpol-exposed-reaches-sensitive',
    title: 'Exposed workload can reach sensitive workloads',
    severity: 'high',
    category: 'Network',
    description:
      'Flags workloads reachable from the internet (LoadBalancer, NodePort, externalIPs, Ingress, Gateway routes, host network) whose NetworkPolicies let them open connections to workloads that hold Secrets or run as privileged service accounts.',
    rationale:
      'An internet-facing workload is the most likely to be compromised. If it can connect to pods that hold credentials or whose service account can read Secrets, create pods or escalate, one exploited bug becomes a path into the cluster.',
    remediation:
      'Isolate the exposed workload for egress and allow only the destinations it serves; isolate the sensitive workloads for ingress and allow only their own clients. `kspm network explain FROM TO` shows which policy lets the connection through.',
    frameworks: [
      { framework: 'cis', id: '5.3.2' },
      { framework: 'nsa', id: 'network-policies' },
      { framework: 'mitre', id: 'T1210' },
    ],
    appliesTo: 'workloads',
    links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
  },
  (inventory) => {
    const collector = new ExposureCollector();
    for (const object of objectsOf(inventory, EXPOSURE_KINDS)) collector.add(object);
    for (const entry of inventory.workloads()) if (entry.workload) collector.add(entry.workload.outline);
    const exposure = exposureIndex(collector.result());
    const model = RbacModel.fromObjects(objectsOf(inventory, RBAC_KINDS));
    const { estate, entries } = networkEstateOfInventory(inventory);
    const reachability = new Reachability(estate);
    const targets = estate.workloads.flatMap((workload) => {
      const reason = sensitivity(entries.get(workload)!, model);
      return reason ? [{ workload, reason }] : [];
    });
    return estate.workloads.flatMap((workload) => {
      if (!isInternetFacing(exposure.get(workloadKey({ kind: workload.kind, namespace: workload.namespace, name: workload.name })))) return [];
      const reached = targets.filter((target) => target.workload !== workload && !isEmpty(reachability.connection({ type: 'workload', workload }, { type: 'workload', workload: target.workload }).allowed));
      const shown = reached.slice(0, SHOWN).map((target) => `${target.workload.kind} ${target.workload.namespace}/${target.workload.name} (${target.reason})`);
      const more = reached.length > SHOWN ? ` and ${reached.length - SHOWN} more` : '';
      return [{
        entry: entries.get(workload)!,
        violations: reached.length === 0
          ? []
          : [{ path: ['metadata'], message: `${workload.kind} ${workload.namespace}/${workload.name} is reachable from the internet and can connect to ${shown.join(', ')}${more}`, found: reached.map((target) => `${target.workload.namespace}/${target.workload.name}`), expected: 'no connections from an exposed workload to workloads holding credentials' }],
      }];
    });
  },
);
