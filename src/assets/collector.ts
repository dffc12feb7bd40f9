/**
 * Builds the asset inventory while objects stream past, one at a time. Only summaries are kept (names, images,
 * labels, counts; of a Secret its name and type), never whole objects, and a pod that runs under a controller costs a
 * counter, so a cluster of ten thousand pods stays small in memory.
 */
import type { ClusterFacts } from '../model/cluster.js';
import { isBuiltInKind } from '../model/api-groups.js';
import type { K8sObject } from '../model/k8s.js';
import { refOf } from '../model/resource.js';
import { controllerOf } from '../inventory/ownership.js';
import { imageAssets, refOf as workloadRefOf } from './images.js';
import { summariseIngress, type IngressSummary } from './ingresses.js';
import type {
  AssetInventory,
  AssetOrigin,
  ClusterAsset,
  Grant,
  IngressAsset,
  NamespaceAsset,
  NodeAsset,
  PodSecurityLabels,
  SecretAsset,
  ServiceAccountAsset,
  ServiceAsset,
  SubjectAsset,
  WorkloadAsset,
  WorkloadRef,
} from './model.js';
import { podSecurityOf } from './namespaces.js';
import { nodeAsset } from './nodes.js';
import { sortBy, sortedRefs } from './order.js';
import { BINDING_KINDS, grantsOf } from './rbac.js';
import { selects, summariseService, type ServiceSummary } from './services.js';
import { own, ownText, withoutUndefined } from './values.js';
import { WorkloadTree } from './workload-tree.js';
import { RUNNING_KINDS, summariseWorkload } from './workloads.js';

/** The API groups each kind the inventory reads belongs to ('' is the core group): a Knative Service is no Service. */
/** The kinds the inventory reads. */
const READ_KINDS: ReadonlySet<string> = new Set([
  'Node', 'Namespace', 'Pod', 'ReplicationController', 'Service', 'ServiceAccount', 'Secret', 'Deployment', 'StatefulSet',
  'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Ingress', 'RoleBinding', 'ClusterRoleBinding',
]);


/** Cluster-wide lookups key on the cluster ('' for manifests, which share one scope) and the namespace. */
function scopedKey(cluster: string | undefined, ...parts: (string | undefined)[]): string {
  return JSON.stringify([cluster ?? '', ...parts.map((part) => part ?? '')]);
}

function originOrder(item: AssetOrigin & { namespace?: string; name: string }, kind?: string): (string | undefined)[] {
  return [item.cluster, item.namespace, item.name, kind, item.file];
}

interface NamespaceRecord {
  origin: AssetOrigin;
  name: string;
  podSecurity: PodSecurityLabels;
}

interface ServiceAccountRecord {
  origin: AssetOrigin;
  namespace?: string;
  name: string;
  automountServiceAccountToken?: boolean;
}

interface SubjectRecord {
  asset: Omit<SubjectAsset, 'grants'>;
  grants: Map<string, Grant>;
}

interface ListedWorkload {
  asset: WorkloadAsset;
  podLabels: Record<string, string>;
}

export class AssetCollector {
  private readonly clusters: Omit<ClusterAsset, 'counts'>[] = [];
  private readonly nodes: NodeAsset[] = [];
  private readonly namespaceObjects = new Map<string, NamespaceRecord>();
  /** Namespaces objects were placed in, by scoped key, with the cluster they belong to. */
  private readonly namespacesUsed = new Map<string, { cluster?: string; name: string }>();
  private readonly workloads = new WorkloadTree();
  private readonly serviceAccounts = new Map<string, ServiceAccountRecord>();
  private readonly subjects = new Map<string, SubjectRecord>();
  private readonly services: ServiceSummary[] = [];
  private readonly ingresses: IngressSummary[] = [];
  private readonly secrets: SecretAsset[] = [];
  private readonly podsPerCluster = new Map<string, number>();
  /** Objects from one file or cluster share one origin object. */
  private readonly origins = new Map<string, AssetOrigin>();

  addCluster(facts: ClusterFacts): void {
    const { context, server, serverVersion, platform } = facts;
    this.clusters.push(withoutUndefined({
      context: own(context),
      server: own(server),
      version: serverVersion,
      distribution: platform.distribution,
      provider: platform.provider,
      managed: platform.managed,
    }));
  }

  add(object: K8sObject, origin: { cluster?: string; file?: string }): void {
    if (!isBuiltInKind(object, READ_KINDS)) return;
    const kind = object.kind as string;
    const ref = refOf(object);
    const name = own(ref.name);
    const namespace = ref.namespace === undefined ? undefined : own(ref.namespace);
    const from = this.originOf(origin);
    if (namespace !== undefined) {
      const key = scopedKey(from.cluster, namespace);
      if (!this.namespacesUsed.has(key)) this.namespacesUsed.set(key, withoutUndefined({ cluster: from.cluster, name: namespace }));
    }
    if (kind === 'Pod' && from.cluster !== undefined) this.podsPerCluster.set(from.cluster, (this.podsPerCluster.get(from.cluster) ?? 0) + 1);

    if (RUNNING_KINDS.has(kind)) {
      const summary = summariseWorkload(object, from, withoutUndefined({ kind, namespace, name }));
      if (summary !== undefined) this.workloads.add(summary, controllerOf(object));
      return;
    }
    switch (kind) {
      case 'Node':
        this.nodes.push(nodeAsset(object, from, name));
        return;
      case 'Namespace': {
        const key = scopedKey(from.cluster, name);
        if (!this.namespaceObjects.has(key)) this.namespaceObjects.set(key, { origin: from, name, podSecurity: podSecurityOf(object) });
        return;
      }
      case 'ServiceAccount': {
        const key = scopedKey(from.cluster, namespace, name);
        const automount = object.automountServiceAccountToken;
        if (!this.serviceAccounts.has(key)) {
          this.serviceAccounts.set(key, withoutUndefined({ origin: from, namespace, name, automountServiceAccountToken: typeof automount === 'boolean' ? automount : undefined }));
        }
        return;
      }
      case 'Secret':
        this.secrets.push(withoutUndefined<SecretAsset>({ ...from, namespace, name, type: ownText(object.type) ?? 'Opaque' }));
        return;
      case 'Service':
        this.services.push(summariseService(object, from, namespace, name));
        return;
      case 'Ingress':
        this.ingresses.push(summariseIngress(object, from, namespace, name));
        return;
      default:
        if (BINDING_KINDS.has(kind)) this.addGrants(object, kind, from, namespace, name);
    }
  }

  result(): AssetInventory {
    const workloads = this.listedWorkloads();
    const assets = workloads.map(({ asset }) => asset);
    const namespaces = this.namespaceAssets(assets);
    const services = this.serviceAssets(workloads);
    const { images, registries } = imageAssets(assets);
    const nodes = sortBy(this.nodes, (node) => [node.cluster, node.name, node.file]);
    return {
      clusters: this.clusterAssets(nodes, namespaces, assets),
      nodes,
      namespaces,
      workloads: assets,
      images,
      registries,
      serviceAccounts: this.serviceAccountAssets(assets),
      subjects: this.subjectAssets(),
      services,
      ingresses: this.ingressAssets(services),
      secrets: sortBy(this.secrets, (secret) => originOrder(secret)),
    };
  }

  private originOf(origin: { cluster?: string; file?: string }): AssetOrigin {
    const key = JSON.stringify([origin.cluster ?? null, origin.file ?? null]);
    let known = this.origins.get(key);
    if (known === undefined) {
      known = withoutUndefined({ cluster: origin.cluster === undefined ? undefined : own(origin.cluster), file: origin.file === undefined ? undefined : own(origin.file) });
      this.origins.set(key, known);
    }
    return known;
  }

  private addGrants(binding: K8sObject, kind: string, from: AssetOrigin, namespace: string | undefined, name: string): void {
    for (const { subject, grant } of grantsOf(binding, kind, namespace, name)) {
      const key = scopedKey(from.cluster, subject.kind, subject.namespace, subject.name);
      let known = this.subjects.get(key);
      if (known === undefined) this.subjects.set(key, (known = { asset: withoutUndefined({ cluster: from.cluster, ...subject }), grants: new Map() }));
      known.grants.set(JSON.stringify(grant), grant);
    }
  }

  private listedWorkloads(): ListedWorkload[] {
    const listed = this.workloads.resolve().map(({ summary, observed, pods }): ListedWorkload => ({
      asset: withoutUndefined<WorkloadAsset>({
        ...summary.origin,
        kind: summary.ref.kind,
        namespace: summary.ref.namespace,
        name: summary.ref.name,
        observed,
        replicas: summary.replicas,
        pods,
        serviceAccount: summary.serviceAccount,
        containers: summary.containers,
      }),
      podLabels: summary.podLabels,
    }));
    return sortBy(listed, ({ asset }) => originOrder(asset, asset.kind));
  }

  private namespaceAssets(workloads: readonly WorkloadAsset[]): NamespaceAsset[] {
    const counts = new Map<string, number>();
    for (const workload of workloads) {
      if (workload.namespace === undefined) continue;
      const key = scopedKey(workload.cluster, workload.namespace);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const names = new Map<string, { cluster?: string; name: string }>(this.namespacesUsed);
    for (const [key, { origin, name }] of this.namespaceObjects) {
      if (!names.has(key)) names.set(key, withoutUndefined({ cluster: origin.cluster, name }));
    }
    const assets = [...names].map(([key, { cluster, name }]): NamespaceAsset => {
      const declared = this.namespaceObjects.get(key);
      const origin = declared?.origin ?? withoutUndefined({ cluster });
      return { ...origin, name, observed: declared !== undefined, podSecurity: declared?.podSecurity ?? {}, workloads: counts.get(key) ?? 0 };
    });
    return sortBy(assets, (namespace) => [namespace.cluster, namespace.name]);
  }

  private serviceAccountAssets(workloads: readonly WorkloadAsset[]): ServiceAccountAsset[] {
    const users = new Map<string, { cluster?: string; namespace?: string; name: string; workloads: WorkloadRef[] }>();
    for (const workload of workloads) {
      const key = scopedKey(workload.cluster, workload.namespace, workload.serviceAccount);
      let entry = users.get(key);
      if (entry === undefined) users.set(key, (entry = withoutUndefined({ cluster: workload.cluster, namespace: workload.namespace, name: workload.serviceAccount, workloads: [] })));
      entry.workloads.push(workloadRefOf(workload));
    }
    const assets: ServiceAccountAsset[] = [];
    for (const [key, account] of this.serviceAccounts) {
      const { origin, namespace, name, automountServiceAccountToken } = account;
      assets.push(withoutUndefined({ ...origin, namespace, name, automountServiceAccountToken, missing: false, workloads: sortedRefs(users.get(key)?.workloads ?? []) }));
    }
    for (const [key, user] of users) {
      if (this.serviceAccounts.has(key)) continue;
      // Every namespace gets a `default` service account from Kubernetes, so manifests rarely declare it.
      assets.push(withoutUndefined({ cluster: user.cluster, namespace: user.namespace, name: user.name, missing: user.name !== 'default', workloads: sortedRefs(user.workloads) }));
    }
    return sortBy(assets, (account) => originOrder(account));
  }

  private subjectAssets(): SubjectAsset[] {
    const subjects = [...this.subjects.values()].map(({ asset, grants }) => ({
      ...asset,
      grants: sortBy(grants.values(), ({ binding, role }) => [binding.kind, binding.namespace, binding.name, role.kind, role.namespace, role.name]),
    }));
    return sortBy(subjects, (subject) => [subject.cluster, subject.namespace, subject.name, subject.kind]);
  }

  private serviceAssets(workloads: readonly ListedWorkload[]): ServiceAsset[] {
    const byNamespace = new Map<string, ListedWorkload[]>();
    for (const workload of workloads) {
      const key = scopedKey(workload.asset.cluster, workload.asset.namespace);
      const same = byNamespace.get(key);
      if (same) same.push(workload);
      else byNamespace.set(key, [workload]);
    }
    const services = this.services.map((service): ServiceAsset => {
      const candidates = byNamespace.get(scopedKey(service.cluster, service.namespace)) ?? [];
      const selected = candidates.filter(({ podLabels }) => selects(service.selector, podLabels)).map(({ asset }) => workloadRefOf(asset));
      return { ...service, workloads: sortedRefs(selected) };
    });
    return sortBy(services, (service) => originOrder(service));
  }

  private ingressAssets(services: readonly ServiceAsset[]): IngressAsset[] {
    const byName = new Map<string, ServiceAsset>();
    for (const service of services) {
      const key = scopedKey(service.cluster, service.namespace, service.name);
      if (!byName.has(key)) byName.set(key, service);
    }
    const ingresses = this.ingresses.map((ingress): IngressAsset => ({
      ...ingress,
      rules: ingress.rules.map((rule) => {
        const service = rule.service === undefined ? undefined : byName.get(scopedKey(ingress.cluster, ingress.namespace, rule.service));
        return { ...rule, workloads: [...(service?.workloads ?? [])] };
      }),
    }));
    return sortBy(ingresses, (ingress) => originOrder(ingress));
  }

  private clusterAssets(nodes: readonly NodeAsset[], namespaces: readonly NamespaceAsset[], workloads: readonly WorkloadAsset[]): ClusterAsset[] {
    const tally = (items: readonly AssetOrigin[], cluster: string) => items.filter((item) => item.cluster === cluster).length;
    const clusters = this.clusters.map((cluster): ClusterAsset => ({
      ...cluster,
      counts: {
        nodes: tally(nodes, cluster.context),
        namespaces: tally(namespaces, cluster.context),
        workloads: tally(workloads, cluster.context),
        pods: this.podsPerCluster.get(cluster.context) ?? 0,
      },
    }));
    return sortBy(clusters, (cluster) => [cluster.context]);
  }
}
