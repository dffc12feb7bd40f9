/**
 * Everything the risk engine knows of each workload, gathered once from the inventory and the engines: its ways in
 * from the internet (exposure and reachability), its host access, its service account's powers (RBAC), its images'
 * vulnerabilities, its replicas and its namespace. Scores and attack paths are both read from this.
 */
import { SENSITIVE_LABEL } from '../controls/network/internet-egress-sensitive.js';
import type { Inventory, InventoryEntry } from '../inventory/inventory.js';
import type { Finding } from '../model/finding.js';
import type { K8sObject } from '../model/k8s.js';
import { networkEstateOfInventory } from '../network/from-inventory.js';
import { ExposureCollector, workloadKey, type WorkloadExposure } from '../network/exposure/index.js';
import type { NetworkEstate, Workload } from '../network/estate.js';
import { Reachability } from '../network/reachability.js';
import { ClusterViewBuilder, type ClusterView } from '../rbac/cluster-view.js';
import { findingIds } from './finding-ids.js';
import { hostAccessOf, type HostAccess } from './host-access.js';
import { internetRoutes, type InternetRoute } from './internet.js';
import type { WorkloadRef } from './model.js';
import { accountKey, accountPowers, type AccountPower } from './service-accounts.js';
import { workloadVulnerabilities, type WorkloadVulnerabilities } from './vulnerabilities.js';

export interface RiskInput {
  findings: readonly Finding[];
  inventory: Inventory;
  /** CVE (or alias) ids in CISA's Known Exploited Vulnerabilities catalogue. */
  kev?: ReadonlySet<string>;
}

export interface IdentifiedFinding {
  finding: Finding;
  id: string;
}

export interface AccountContext {
  namespace: string;
  name: string;
  /** Whether the pods get the account's token (automountServiceAccountToken on the pod, else on the account). */
  tokenMounted: boolean;
  power: AccountPower | undefined;
}

export interface WorkloadContext {
  key: string;
  ref: WorkloadRef;
  entry: InventoryEntry;
  /** The workload as the network engine sees it; absent for one without a namespace. */
  network?: Workload;
  routes: InternetRoute[];
  host?: HostAccess;
  account: AccountContext;
  vulnerabilities: WorkloadVulnerabilities;
  vulnerabilityFindingIds: string[];
  replicas?: number;
  /** Why its namespace is sensitive, when it is. */
  sensitive?: string;
  findings: IdentifiedFinding[];
}

export interface RiskContext {
  /** The id of each finding, in input order. */
  findingIds: string[];
  findings: IdentifiedFinding[];
  /** By `namespace/Kind/name`, in that order. */
  workloads: Map<string, WorkloadContext>;
  estate: NetworkEstate;
  reachability: Reachability;
  /** Why a namespace is sensitive, or undefined. */
  sensitive(namespace: string | undefined): string | undefined;
}

const EXPOSURE_KINDS = ['Service', 'Ingress', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'ReferenceGrant', 'Namespace'];
const RBAC_KINDS = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ServiceAccount', 'Namespace'];
const VULNERABILITY_CONTROLS = new Set(['image-critical-vulnerabilities', 'image-high-vulnerabilities']);

function objectsOf(inventory: Inventory, kinds: readonly string[]): K8sObject[] {
  return kinds.flatMap((kind) => inventory.ofKind(kind)).flatMap((entry) => (entry.object ? [entry.object] : []));
}

function exposuresOf(inventory: Inventory): Map<string, WorkloadExposure> {
  const collector = new ExposureCollector();
  for (const object of objectsOf(inventory, EXPOSURE_KINDS)) collector.add(object);
  for (const entry of inventory.workloads()) if (entry.workload) collector.add(entry.workload.outline);
  return new Map(collector.result().map((exposed) => [workloadKey(exposed.workload), exposed]));
}

/** The RBAC view, with the workloads' host access from their findings: the outlines the inventory keeps lack it. */
function clusterViewOf(inventory: Inventory, host: ReadonlyMap<string, HostAccess>): ClusterView {
  const builder = new ClusterViewBuilder();
  for (const object of objectsOf(inventory, RBAC_KINDS)) builder.add(object);
  for (const entry of inventory.workloads()) if (entry.workload) builder.add(entry.workload.outline);
  const view = builder.build();
  view.workloads = view.workloads.map((fact) => {
    const access = host.get(workloadKey(fact));
    return access ? { ...fact, privileged: access.level === 'escape', hostPath: access.reasons.some((reason) => /host path|hostPath|socket/.test(reason)) } : fact;
  });
  return view;
}

function sensitivityOf(inventory: Inventory): (namespace: string | undefined) => string | undefined {
  return (namespace) => {
    if (namespace === undefined) return undefined;
    if (namespace === 'kube-system') return 'namespace kube-system holds the control plane and its credentials';
    const labels = inventory.namespaceEntry(namespace)?.object?.metadata?.labels;
    return labels?.[SENSITIVE_LABEL] === 'true' ? `namespace ${namespace} is labelled ${SENSITIVE_LABEL}=true` : undefined;
  };
}

function tokenMounted(entry: InventoryEntry, inventory: Inventory): boolean {
  const own = entry.workload?.automountServiceAccountToken;
  if (own !== undefined) return own;
  const account = inventory.ofKind('ServiceAccount').find((each) => each.ref.namespace === entry.ref.namespace && each.ref.name === entry.workload?.serviceAccount);
  return account?.object?.automountServiceAccountToken !== false;
}

function groupByWorkload(findings: readonly IdentifiedFinding[]): Map<string, IdentifiedFinding[]> {
  const grouped = new Map<string, IdentifiedFinding[]>();
  for (const each of findings) {
    const key = workloadKey(each.finding.resource);
    const same = grouped.get(key);
    if (same) same.push(each);
    else grouped.set(key, [each]);
  }
  return grouped;
}

export function riskContextOf(input: RiskInput): RiskContext {
  const { inventory } = input;
  const ids = findingIds(input.findings);
  const findings = input.findings.map((finding, index) => ({ finding, id: ids[index]! }));
  const byWorkload = groupByWorkload(findings);
  const entries = inventory.workloads().filter((entry) => entry.workload !== undefined).map((entry) => ({ entry, key: workloadKey(entry.ref) }));
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const host = new Map<string, HostAccess>();
  for (const { entry, key } of entries) {
    const access = hostAccessOf(byWorkload.get(key) ?? [], entry.workload!.hostNetwork === true);
    if (access) host.set(key, access);
  }
  const view = clusterViewOf(inventory, host);
  const powers = accountPowers(view, entries.flatMap(({ entry }) => (entry.ref.namespace ? [{ namespace: entry.ref.namespace, name: entry.workload!.serviceAccount }] : [])));
  const exposures = exposuresOf(inventory);
  const { estate, entries: networkEntries } = networkEstateOfInventory(inventory);
  const networkOf = new Map([...networkEntries].map(([workload, entry]) => [workloadKey(entry.ref), workload]));
  const reachability = new Reachability(estate);
  const sensitive = sensitivityOf(inventory);
  const kev = input.kev ?? new Set<string>();

  const workloads = new Map<string, WorkloadContext>();
  for (const { entry, key } of entries) {
    const summary = entry.workload!;
    const own = byWorkload.get(key) ?? [];
    const network = networkOf.get(key);
    const exposed = exposures.get(key);
    const namespace = entry.ref.namespace ?? '';
    const context: WorkloadContext = {
      key,
      ref: { kind: entry.ref.kind, ...(entry.ref.namespace ? { namespace: entry.ref.namespace } : {}), name: entry.ref.name },
      entry,
      routes: exposed ? internetRoutes(exposed, network, reachability, estate.policies) : [],
      account: { namespace, name: summary.serviceAccount, tokenMounted: tokenMounted(entry, inventory), power: powers.get(accountKey(namespace, summary.serviceAccount)) },
      vulnerabilities: workloadVulnerabilities(summary, inventory.images, kev),
      vulnerabilityFindingIds: own.filter(({ finding }) => VULNERABILITY_CONTROLS.has(finding.controlId)).map(({ id }) => id).sort(),
      findings: own,
    };
    if (network) context.network = network;
    const access = host.get(key);
    if (access) context.host = access;
    const replicas = entry.workload?.replicas;
    if (replicas !== undefined) context.replicas = replicas;
    const why = sensitive(entry.ref.namespace);
    if (why) context.sensitive = why;
    workloads.set(key, context);
  }
  return { findingIds: ids, findings, workloads, estate, reachability, sensitive };
}
