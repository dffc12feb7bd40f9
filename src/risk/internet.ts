/**
 * Whether the ways into a workload (network exposure engine) are open from the internet once NetworkPolicies are
 * applied (reachability engine).
 *
 * - Load balancers, node ports, external IPs and host ports deliver the client's packets to the pod: the pod's ingress
 *   policies must admit addresses outside the cluster.
 * - Ingresses and Gateway routes deliver them through a proxy running in the cluster, usually in its own namespace
 *   and often not among the scanned objects: the pod's ingress policies must admit pods of another namespace (any
 *   rule with a namespaceSelector, a rule open to every peer, or an ipBlock), since kspm cannot tell which proxy.
 * - Internal load balancers are reachable from the private network only, not the internet.
 * - Host-network pods are beyond NetworkPolicies.
 */
import type { Exposure, WorkloadExposure } from '../network/exposure/index.js';
import type { Workload } from '../network/estate.js';
import { isEmpty } from '../network/ports.js';
import type { Policy } from '../network/policy.js';
import type { Reachability } from '../network/reachability.js';
import { selectorMatches } from '../model/label-selector.js';

export interface InternetRoute {
  exposure: Exposure;
  open: boolean;
  /** Why it is open or cut, naming the policies. */
  why: string;
}

const PROXIED = new Set(['Ingress', 'Gateway']);

export function describeObject(ref: { kind: string; namespace?: string; name: string }): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

function ingressPolicies(workload: Workload, policies: readonly Policy[]): Policy[] {
  return policies.filter((policy) => policy.types.ingress && policy.namespace === workload.namespace && selectorMatches(policy.podSelector, workload.labels));
}

function admitsOtherNamespaces(policy: Policy): boolean {
  return (policy.ingress ?? []).some((rule) => rule.peers === 'all' || rule.peers.some((peer) => peer.type === 'ipBlock' || (peer.type === 'pods' && peer.namespaceSelector !== undefined)));
}

const names = (policies: readonly Policy[]) => policies.map((policy) => `${policy.namespace}/${policy.name}`).join(', ');

function proxiedRoute(exposure: Exposure, workload: Workload, policies: readonly Policy[]): InternetRoute {
  const isolating = ingressPolicies(workload, policies);
  if (isolating.length === 0) return { exposure, open: true, why: 'no NetworkPolicy isolates its pods for ingress' };
  const admitting = isolating.filter(admitsOtherNamespaces);
  if (admitting.length > 0) return { exposure, open: true, why: `NetworkPolicy ${names(admitting)} admits pods of other namespaces, where the proxy runs` };
  return { exposure, open: false, why: `NetworkPolicy ${names(isolating)} admits no pod outside namespace ${workload.namespace}, so the proxy cannot reach it` };
}

function directRoute(exposure: Exposure, workload: Workload, reachability: Reachability): InternetRoute {
  const verdict = reachability.connection({ type: 'internet' }, { type: 'workload', workload }).ingress;
  if (verdict.unenforced) return { exposure, open: true, why: `its pods are ${verdict.unenforced}` };
  if (verdict.selectedBy.length === 0) return { exposure, open: true, why: 'no NetworkPolicy isolates its pods for ingress' };
  if (!isEmpty(verdict.allowed)) return { exposure, open: true, why: `NetworkPolicy ${[...new Set(verdict.matches.map((match) => match.policy))].join(', ')} admits addresses outside the cluster` };
  return { exposure, open: false, why: `NetworkPolicy ${verdict.selectedBy.join(', ')} admits no address outside the cluster` };
}

/** Every way into the workload, judged; `workload` is absent for workloads outside the network estate (no namespace). */
export function internetRoutes(exposed: WorkloadExposure, workload: Workload | undefined, reachability: Reachability, policies: readonly Policy[]): InternetRoute[] {
  return exposed.exposures.map((exposure) => {
    if (exposure.internal) return { exposure, open: false, why: 'an internal load balancer, reachable from the private network only' };
    if (!workload) return { exposure, open: true, why: 'no NetworkPolicy can select it' };
    if (exposure.via === 'hostNetwork' || workload.hostNetwork) return { exposure, open: true, why: 'its pods are on the host network, where NetworkPolicies do not apply' };
    return PROXIED.has(exposure.via) ? proxiedRoute(exposure, workload, policies) : directRoute(exposure, workload, reachability);
  });
}

/** `LoadBalancer Service shop/web`, `Ingress shop/web`, `hostPort on the workload`. */
export function describeEntry(exposure: Exposure): string {
  if (exposure.via === 'hostNetwork' || exposure.via === 'hostPort') return exposure.via;
  if (exposure.via === 'Ingress' || exposure.via === 'Gateway') return describeObject(exposure.object);
  return `${exposure.via} ${describeObject(exposure.object)}`;
}
