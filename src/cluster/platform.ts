/**
 * Works out how a cluster was built and who runs it from what the API shows: the server's gitVersion, the API groups
 * it serves, and small facts of the nodes and of kube-system. Objects stream past once; only the first clue of each
 * kind is kept, so a cluster of thousands of nodes costs no more than a cluster of one.
 */
import type { Platform } from '../model/cluster.js';
import { isRecord, list, record, type K8sObject } from '../model/k8s.js';

const MANAGED = new Set(['eks', 'gke', 'aks']);

/** When clues disagree, the product wins over the tool it is built with (kind and minikube run kubeadm). */
const DISTRIBUTION_ORDER = ['openshift', 'eks', 'gke', 'aks', 'rke2', 'k3s', 'minikube', 'kind', 'kubeadm'];

/** The provider each managed distribution runs on, whatever the nodes say. */
const DISTRIBUTION_PROVIDER: Readonly<Record<string, string>> = { eks: 'aws', gke: 'gcp', aks: 'azure' };

/** `spec.providerID` schemes of the cloud providers' node controllers. */
const PROVIDER_SCHEMES: Readonly<Record<string, string>> = {
  aws: 'aws',
  gce: 'gcp',
  azure: 'azure',
  openstack: 'openstack',
  vsphere: 'vsphere',
  digitalocean: 'digitalocean',
  linode: 'linode',
  hcloud: 'hetzner',
};

/** `spec.providerID` schemes that name a distribution, not a cloud. */
const DISTRIBUTION_SCHEMES: Readonly<Record<string, string>> = { kind: 'kind', k3s: 'k3s', rke2: 'rke2' };

/** Version suffixes the distributions stamp on the server's gitVersion and every kubelet's version. */
const VERSION_MARKS: readonly { mark: string; distribution: string }[] = [
  { mark: '-eks-', distribution: 'eks' },
  { mark: '-gke.', distribution: 'gke' },
  { mark: '+k3s', distribution: 'k3s' },
  { mark: '+rke2', distribution: 'rke2' },
];

/** Node labels only one distribution sets (a key ending in `/` matches every label under that prefix). */
const NODE_LABELS: readonly { key: string; distribution: string }[] = [
  { key: 'eks.amazonaws.com/nodegroup', distribution: 'eks' },
  { key: 'eks.amazonaws.com/compute-type', distribution: 'eks' },
  { key: 'cloud.google.com/gke-nodepool', distribution: 'gke' },
  { key: 'kubernetes.azure.com/cluster', distribution: 'aks' },
  { key: 'node.openshift.io/os_id', distribution: 'openshift' },
  { key: 'minikube.k8s.io/', distribution: 'minikube' },
];

/** Node operating system images that belong to one distribution or one cloud. */
const OS_IMAGES: readonly { prefix: string; distribution?: string; provider?: string }[] = [
  { prefix: 'Red Hat Enterprise Linux CoreOS', distribution: 'openshift' },
  { prefix: 'Container-Optimized OS', provider: 'gcp' },
  { prefix: 'Bottlerocket OS', provider: 'aws' },
  { prefix: 'Amazon Linux', provider: 'aws' },
];

const OPENSHIFT_GROUPS = new Set(['config.openshift.io', 'route.openshift.io', 'security.openshift.io']);

/** kind's node image ships its CNI, kindnet, from the kindest organisation. */
const KIND_IMAGE = /(^|\/)kindest\//;

const KUBEADM_ANNOTATION_PREFIX = 'kubeadm.kubernetes.io/';

/** kube-system config maps only one way of building a cluster leaves. */
const KUBE_SYSTEM_CONFIG_MAPS: Readonly<Record<string, string>> = { 'kubeadm-config': 'kubeadm', 'aws-auth': 'eks' };

interface Clue {
  distribution?: string;
  provider?: string;
  /** A provider named by a node's providerID outweighs one guessed from its operating system image. */
  providerFromID?: boolean;
  evidence: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** A copy that does not keep alive the larger text a parser may have sliced the value from. */
const own = (value: string): string => (' ' + value).slice(1);

function labelsOf(object: K8sObject): Record<string, unknown> {
  return record(record(object.metadata)?.labels) ?? {};
}

function nameOf(object: K8sObject): string {
  return text(object.metadata?.name) ?? '?';
}

export class PlatformObserver {
  /** The clue of each kind with the smallest evidence, so the verdict does not depend on the order objects arrive. */
  private readonly clues = new Map<string, Clue>();

  observe(object: K8sObject): void {
    if (object.apiVersion !== 'v1') return;
    if (object.kind === 'Node') this.observeNode(object);
    else if (object.metadata?.namespace === 'kube-system' && object.kind === 'Pod') this.observeSystemPod(object);
    else if (object.metadata?.namespace === 'kube-system' && object.kind === 'ConfigMap') this.observeSystemConfigMap(object);
  }

  platform(serverVersion: string | undefined, servedVersions: readonly string[]): Platform {
    const clues = [...this.clues.values()];
    if (serverVersion !== undefined) {
      for (const { mark, distribution } of VERSION_MARKS) {
        if (serverVersion.includes(mark)) clues.push({ distribution, evidence: `server version ${serverVersion}` });
      }
    }
    const groups = new Set(servedVersions.map((version) => version.split('/')[0] ?? ''));
    for (const group of [...groups].sort()) {
      if (OPENSHIFT_GROUPS.has(group)) clues.push({ distribution: 'openshift', evidence: `served API group ${group}` });
    }
    const distribution = DISTRIBUTION_ORDER.find((candidate) => clues.some((clue) => clue.distribution === candidate)) ?? 'unknown';
    const provider = DISTRIBUTION_PROVIDER[distribution] ?? providerFromNodes(clues) ?? 'unknown';
    const evidence = clues
      .filter((clue) => clue.distribution === distribution || (clue.provider !== undefined && clue.provider === provider))
      .map((clue) => clue.evidence);
    return { distribution, provider, managed: MANAGED.has(distribution), evidence: [...new Set(evidence)].sort() };
  }

  private note(kind: string, clue: Clue): void {
    const kept = this.clues.get(kind);
    if (kept === undefined || clue.evidence < kept.evidence) this.clues.set(kind, { ...clue, evidence: own(clue.evidence) });
  }

  private observeNode(node: K8sObject): void {
    const name = nameOf(node);
    const labels = labelsOf(node);
    for (const { key, distribution } of NODE_LABELS) {
      const found = key.endsWith('/') ? Object.keys(labels).sort().find((label) => label.startsWith(key)) : Object.hasOwn(labels, key) ? key : undefined;
      if (found !== undefined) this.note(`label ${key}`, { distribution, evidence: `node ${name} label ${found}=${String(labels[found])}` });
    }
    const providerID = text(record(node.spec)?.providerID);
    if (providerID !== undefined) this.observeProviderID(name, providerID);
    const status = record(node.status);
    const info = record(status?.nodeInfo);
    const kubelet = text(info?.kubeletVersion);
    for (const { mark, distribution } of VERSION_MARKS) {
      if (kubelet?.includes(mark)) this.note(`kubelet ${mark}`, { distribution, evidence: `node ${name} kubeletVersion ${kubelet}` });
    }
    const osImage = text(info?.osImage);
    for (const { prefix, distribution, provider } of OS_IMAGES) {
      if (osImage?.startsWith(prefix)) this.note(`osImage ${prefix}`, { distribution, provider, evidence: `node ${name} osImage ${osImage}` });
    }
    const kindImage = list(status?.images).flatMap((image) => (isRecord(image) ? list(image.names) : [])).find((image) => typeof image === 'string' && KIND_IMAGE.test(image));
    if (typeof kindImage === 'string') this.note('kind image', { distribution: 'kind', evidence: `node ${name} holds image ${kindImage}` });
  }

  private observeProviderID(node: string, providerID: string): void {
    const match = /^([a-z0-9-]+):\/\/(.*)$/i.exec(providerID);
    if (!match) return;
    const scheme = match[1]!.toLowerCase();
    const evidence = `node ${node} providerID ${providerID}`;
    const provider = PROVIDER_SCHEMES[scheme];
    if (provider !== undefined) this.note(`providerID ${scheme}`, { provider, providerFromID: true, evidence });
    const distribution = DISTRIBUTION_SCHEMES[scheme];
    if (distribution === undefined) return;
    // kind names the container engine its nodes run in: kind://docker/<cluster>/<node> or kind://podman/...
    const engine = distribution === 'kind' ? /^([a-z]+)\//.exec(match[2]!)?.[1] : undefined;
    this.note(`providerID ${scheme}`, { distribution, ...(engine !== undefined ? { provider: engine, providerFromID: true } : {}), evidence });
  }

  private observeSystemPod(pod: K8sObject): void {
    const name = nameOf(pod);
    const annotations = record(pod.metadata?.annotations) ?? {};
    const kubeadm = Object.keys(annotations).sort().find((key) => key.startsWith(KUBEADM_ANNOTATION_PREFIX));
    if (kubeadm !== undefined) this.note('kubeadm annotation', { distribution: 'kubeadm', evidence: `pod kube-system/${name} annotation ${kubeadm}` });
    if (labelsOf(pod).app === 'kindnet') this.note('kindnet', { distribution: 'kind', evidence: `pod kube-system/${name} label app=kindnet` });
  }

  private observeSystemConfigMap(configMap: K8sObject): void {
    const name = nameOf(configMap);
    const distribution = KUBE_SYSTEM_CONFIG_MAPS[name];
    if (distribution !== undefined) this.note(`configmap ${name}`, { distribution, evidence: `configmap kube-system/${name}` });
  }
}

/**
 * The provider the nodes' providerIDs name, else the one their operating system images suggest; when nodes name
 * several (a hybrid cluster), the first in alphabetical order.
 */
function providerFromNodes(clues: readonly Clue[]): string | undefined {
  const named = (fromID: boolean) => clues.flatMap((clue) => (clue.provider !== undefined && (clue.providerFromID === true) === fromID ? [clue.provider] : [])).sort();
  return named(true)[0] ?? named(false)[0];
}
