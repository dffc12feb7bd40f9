/**
 * A pod as it stands once a controller (or the kubelet, for a static pod) has created it from a template and it has
 * been running for a while: the fields the API server fills in, the service-account token volume, the node it was
 * scheduled to, and the status the kubelet reports, with both writers recorded in managedFields.
 */
import { managedFieldsEntry, type Manifest } from './estate-managed-fields.js';
import type { NodeSlot } from './estate-nodes.js';
import type { PodTemplate } from './estate-templates.js';
import type { SeededRandom } from './seeded-random.js';

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

export interface PodOrigin {
  name: string;
  namespace: string;
  /** Labels the controller adds to the template's: pod-template-hash, controller-revision-hash... */
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: OwnerReference;
  /** The generateName the controller used, when it let the API server finish the name. */
  generateName?: string;
  /** Who created the pod: kube-controller-manager, kubelet, kubectl-run. */
  manager: string;
  /** Seconds after the estate's epoch. */
  createdAt: number;
  /** DaemonSet pods are pinned to their node through node affinity. */
  pinnedToNode?: boolean;
}

export interface Placement {
  node: NodeSlot;
  /** Unused for host-network pods, which take the node's address. */
  ip: string;
}

const EPOCH = Date.UTC(2025, 2, 1);

export function timestamp(secondsAfterEpoch: number): string {
  return new Date(EPOCH + secondsAfterEpoch * 1000).toISOString().replace('.000Z', 'Z');
}

const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

const DAEMON_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

const PRIORITIES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

const SERVICE_ACCOUNT_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

function tokenVolume(name: string): Manifest {
  return {
    name,
    projected: {
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
      defaultMode: 420,
    },
  };
}

const list = (value: unknown): Manifest[] => (Array.isArray(value) ? value as Manifest[] : []);

function withMount(container: Manifest, mount: Manifest | undefined): Manifest {
  return mount === undefined ? { ...container } : { ...container, volumeMounts: [...list(container.volumeMounts), mount] };
}

/** The spec the API server stores for a pod made from the template (static pods get no service-account token). */
function podSpec(random: SeededRandom, template: PodTemplate, origin: PodOrigin, node: NodeSlot, staticPod: boolean): Manifest {
  const spec = template.spec;
  const token = staticPod ? undefined : `kube-api-access-${random.nameSuffix(5)}`;
  const mount = token === undefined ? undefined : { name: token, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT };
  const priorityClass = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : undefined;
  return {
    ...spec,
    ...(spec.initContainers !== undefined ? { initContainers: list(spec.initContainers).map((container) => withMount(container, mount)) } : {}),
    containers: list(spec.containers).map((container) => withMount(container, mount)),
    volumes: [...list(spec.volumes), ...(token === undefined ? [] : [tokenVolume(token)])],
    ...(staticPod ? {} : { serviceAccount: spec.serviceAccountName }),
    nodeName: node.name,
    ...(origin.pinnedToNode ? {
      affinity: { ...(spec.affinity as Manifest | undefined), nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.name] }] }] } } },
    } : {}),
    tolerations: [...list(spec.tolerations), ...(origin.pinnedToNode ? DAEMON_TOLERATIONS : staticPod ? [{ operator: 'Exists', effect: 'NoExecute' }] : DEFAULT_TOLERATIONS)],
    priority: priorityClass === undefined ? 0 : PRIORITIES[priorityClass] ?? 1000,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
  };
}

function qosClass(containers: Manifest[]): string {
  const resources = containers.map((container) => (container.resources ?? {}) as { requests?: Record<string, string>; limits?: Record<string, string> });
  if (resources.every((entry) => entry.requests === undefined && entry.limits === undefined)) return 'BestEffort';
  const guaranteed = resources.every((entry) => entry.limits?.cpu !== undefined && entry.limits.memory !== undefined
    && (entry.requests === undefined || (entry.requests.cpu === entry.limits.cpu && entry.requests.memory === entry.limits.memory)));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function imageId(random: SeededRandom, image: string): string {
  const qualified = image.split('/')[0]!.includes('.') ? image : `docker.io/${image}`;
  return `${qualified.slice(0, qualified.lastIndexOf(':'))}@sha256:${random.hex(64)}`;
}

function containerStatus(random: SeededRandom, container: Manifest, started: string, init: boolean): Manifest {
  const image = String(container.image);
  const restarts = init ? 0 : random.pick([0, 0, 0, 0, 0, 1, 2, 7]);
  const mounts = list(container.volumeMounts).map((mount) => ({ ...mount, ...(mount.readOnly ? { recursiveReadOnly: 'Disabled' } : {}) }));
  const state = init
    ? { terminated: { exitCode: 0, reason: 'Completed', startedAt: started, finishedAt: started, containerID: `containerd://${random.hex(64)}` } }
    : { running: { startedAt: started } };
  return {
    containerID: `containerd://${random.hex(64)}`,
    image: image.split('/')[0]!.includes('.') ? image : `docker.io/${image}`,
    imageID: imageId(random, image),
    lastState: restarts > 0 ? { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: started, finishedAt: started, containerID: `containerd://${random.hex(64)}` } } : {},
    name: container.name,
    ready: !init,
    restartCount: restarts,
    started: !init,
    state,
    ...(container.resources !== undefined ? { resources: container.resources } : {}),
    volumeMounts: mounts,
  };
}

function podStatus(random: SeededRandom, spec: Manifest, placement: Placement, createdAt: number): Manifest {
  const hostNetwork = spec.hostNetwork === true;
  const ip = hostNetwork ? placement.node.ip : placement.ip;
  const at = (seconds: number) => timestamp(createdAt + seconds);
  const condition = (type: string, seconds: number) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: at(seconds) });
  const containers = list(spec.containers);
  const initContainers = list(spec.initContainers);
  return {
    phase: 'Running',
    conditions: [condition('PodReadyToStartContainers', 3), condition('Initialized', 4), condition('Ready', 19), condition('ContainersReady', 19), condition('PodScheduled', 0)],
    hostIP: placement.node.ip,
    hostIPs: [{ ip: placement.node.ip }],
    podIP: ip,
    podIPs: [{ ip }],
    startTime: at(1),
    ...(initContainers.length > 0 ? { initContainerStatuses: initContainers.map((container) => containerStatus(random, container, at(2), true)) } : {}),
    containerStatuses: containers.map((container) => containerStatus(random, container, at(5), false)),
    qosClass: qosClass(containers),
  };
}

export function podObject(random: SeededRandom, template: PodTemplate, origin: PodOrigin, placement: Placement): Manifest {
  const staticPod = origin.owner?.kind === 'Node';
  const created = timestamp(origin.createdAt);
  const labels = { ...template.metadata.labels, ...origin.labels };
  const annotations = { ...template.metadata.annotations, ...origin.annotations };
  const ownerReferences = origin.owner === undefined ? undefined : [{ ...origin.owner, controller: true, ...(staticPod ? {} : { blockOwnerDeletion: true }) }];
  const spec = podSpec(random, template, origin, placement.node, staticPod);
  const status = podStatus(random, spec, placement, origin.createdAt);
  const { nodeName: _scheduled, ...createdSpec } = spec;
  const createdMetadata = {
    ...(origin.generateName !== undefined ? { generateName: origin.generateName } : {}),
    labels,
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    ...(ownerReferences !== undefined ? { ownerReferences } : {}),
  };
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: origin.name,
      ...(origin.generateName !== undefined ? { generateName: origin.generateName } : {}),
      namespace: origin.namespace,
      uid: random.uuid(),
      creationTimestamp: created,
      labels,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      ...(ownerReferences !== undefined ? { ownerReferences } : {}),
      managedFields: [
        managedFieldsEntry({ manager: origin.manager, operation: 'Update', apiVersion: 'v1', time: created, wrote: { metadata: createdMetadata, spec: createdSpec } }),
        managedFieldsEntry({ manager: 'kubelet', operation: 'Update', apiVersion: 'v1', time: timestamp(origin.createdAt + 19), wrote: { status }, subresource: 'status' }),
      ],
    },
    spec,
    status,
  };
}
