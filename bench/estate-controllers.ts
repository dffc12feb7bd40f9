/**
 * Workloads written into an estate as their controllers leave them: a Deployment with its current and old
 * ReplicaSets and their pods, a StatefulSet with its ControllerRevision, pods and bound volume claims, a DaemonSet
 * with a pod pinned to every node, kubelet static pods, bare pods, and Services with the Endpoints of their pods.
 */
import { managedFieldsEntry, type Manifest } from './estate-managed-fields.js';
import type { NodeSlot } from './estate-nodes.js';
import { podObject, timestamp, type OwnerReference, type Placement } from './estate-pods.js';
import { podTemplate, type PodTemplate, type WorkloadSpec } from './estate-templates.js';
import type { SeededRandom } from './seeded-random.js';

/** The estate's "now", in seconds after its epoch: nothing is created later. */
const NOW = 92 * 86_400;

/** How a workload's owner writes it: kubectl apply keeps a last-applied copy, Helm and Argo CD label it. */
export type Manager = 'kubectl' | 'helm' | 'argocd';

/** The objects written so far, and the cluster-wide allocations (pod and service addresses) they draw on. */
export class Estate {
  readonly objects: Manifest[] = [];
  private readonly podsOnNode = new Map<string, number>();
  private servicesAllocated = 0;

  constructor(readonly random: SeededRandom, readonly nodes: readonly NodeSlot[]) {}

  add(...objects: Manifest[]): void {
    this.objects.push(...objects);
  }

  /** Ordinary pods go to workers; a cluster of one node schedules on its control plane. */
  schedule(): NodeSlot {
    const workers = this.nodes.filter((node) => !node.controlPlane);
    return this.random.pick(workers.length > 0 ? workers : this.nodes);
  }

  /** The next address in the node's pod range (wrapping in the unlikely case of more than 253 pods on a node). */
  placement(node: NodeSlot): Placement {
    const placed = this.podsOnNode.get(node.name) ?? 0;
    this.podsOnNode.set(node.name, placed + 1);
    return { node, ip: node.podCidr.replace(/0\/24$/, String((placed % 253) + 2)) };
  }

  serviceIp(): string {
    this.servicesAllocated += 1;
    const index = this.servicesAllocated + 10;
    return `10.96.${Math.floor(index / 250)}.${index % 250}`;
  }

  /** A creation time between `after` and the estate's now. */
  createdAfter(after: number): number {
    return this.random.int(after + 60, Math.max(after + 60, NOW - 3_600));
  }
}

interface Created {
  uid: string;
  createdAt: number;
}

function metadata(estate: Estate, name: string, namespace: string | undefined, createdAt: number, fields: Manifest = {}): Manifest & Created {
  return { name, ...(namespace !== undefined ? { namespace } : {}), uid: estate.random.uuid(), creationTimestamp: timestamp(createdAt), ...fields, createdAt };
}

/** Drops the bookkeeping field before the metadata is stored. */
function stored({ createdAt: _createdAt, ...fields }: Manifest & Created): Manifest {
  return fields;
}

const ownerOf = (apiVersion: string, kind: string, name: string, uid: string): OwnerReference => ({ apiVersion, kind, name, uid });

function ownedBy(owner: OwnerReference): Manifest {
  return { ownerReferences: [{ ...owner, controller: true, blockOwnerDeletion: true }] };
}

/** The fields an object's own content sets: everything but its type, metadata and status. */
function content(object: Manifest): Manifest {
  const { apiVersion: _apiVersion, kind: _kind, metadata: _metadata, status: _status, ...body } = object;
  return body;
}

function statusEntry(estate: Estate, object: Manifest, after: number): Manifest[] {
  if (object.status === undefined) return [];
  return [managedFieldsEntry({
    manager: 'kube-controller-manager', operation: 'Update', apiVersion: String(object.apiVersion), time: timestamp(estate.createdAfter(after)),
    wrote: { status: object.status }, subresource: 'status',
  })];
}

function managerFields(estate: Estate, manager: Manager, object: Manifest, meta: Manifest & Created): Manifest[] {
  const wrote = { metadata: { labels: meta.labels, annotations: meta.annotations }, ...content(object) };
  const apiVersion = String(object.apiVersion);
  const time = timestamp(meta.createdAt);
  const entry = manager === 'argocd'
    ? managedFieldsEntry({ manager: 'argocd-controller', operation: 'Apply', apiVersion, time, wrote })
    : managedFieldsEntry({ manager: manager === 'helm' ? 'helm' : 'kubectl-client-side-apply', operation: 'Update', apiVersion, time, wrote });
  return [entry, ...statusEntry(estate, object, meta.createdAt)];
}

/** Labels and annotations a manager puts on what it applies. */
function managerMarks(manager: Manager, kind: string, name: string, namespace: string, release: string | undefined): { labels: Record<string, string>; annotations: Record<string, string> } {
  switch (manager) {
    case 'helm':
      return {
        labels: { 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/instance': release ?? name },
        annotations: { 'meta.helm.sh/release-name': release ?? name, 'meta.helm.sh/release-namespace': namespace },
      };
    case 'argocd':
      return { labels: {}, annotations: { 'argocd.argoproj.io/tracking-id': `${namespace}:apps/${kind}:${namespace}/${name}` } };
    case 'kubectl':
      return { labels: {}, annotations: {} };
  }
}

/** What `kubectl apply` records of the manifest it was given. */
function lastApplied(object: Manifest): string {
  const meta = object.metadata as Manifest;
  return JSON.stringify({
    apiVersion: object.apiVersion, kind: object.kind,
    metadata: { annotations: {}, labels: meta.labels, name: meta.name, namespace: meta.namespace },
    ...content(object),
  });
}

/** Finishes a controller object: the manager's marks, a last-applied copy for kubectl, managedFields. */
function managed(estate: Estate, object: Manifest, manager: Manager, release?: string): Manifest {
  const meta = object.metadata as Manifest & Created;
  const marks = managerMarks(manager, String(object.kind), String(meta.name), String(meta.namespace), release);
  meta.labels = { ...(meta.labels as Record<string, string>), ...marks.labels };
  meta.annotations = { ...(meta.annotations as Record<string, string> | undefined), ...marks.annotations };
  if (manager === 'kubectl') (meta.annotations as Record<string, string>)['kubectl.kubernetes.io/last-applied-configuration'] = `${lastApplied(object)}\n`;
  const managedFields = managerFields(estate, manager, object, meta);
  return { ...object, metadata: { ...stored(meta), managedFields } };
}

function controllerOwned(estate: Estate, object: Manifest): Manifest {
  const meta = object.metadata as Manifest & Created;
  const wrote = { metadata: { labels: meta.labels, annotations: meta.annotations, ownerReferences: meta.ownerReferences }, ...content(object) };
  const managedFields = [
    managedFieldsEntry({ manager: 'kube-controller-manager', operation: 'Update', apiVersion: String(object.apiVersion), time: timestamp(meta.createdAt), wrote }),
    ...statusEntry(estate, object, meta.createdAt),
  ];
  return { ...object, metadata: { ...stored(meta), managedFields } };
}

function withImage(template: PodTemplate, image: string): PodTemplate {
  const copy = structuredClone(template);
  const [first] = copy.spec.containers as Manifest[];
  if (first !== undefined) first.image = image;
  return copy;
}

function olderTag(image: string, steps: number): string {
  const match = /^(.*):(\d+)\.(\d+)\.(\d+)$/.exec(image);
  if (match === null) return image;
  return `${match[1]}:${match[2]}.${Math.max(0, Number(match[3]) - steps)}.${match[4]}`;
}

function templateWithLabels(template: PodTemplate, labels: Record<string, string>): Manifest {
  return { metadata: { ...template.metadata, labels: { ...template.metadata.labels, ...labels } }, spec: template.spec };
}

export interface WorkloadOptions {
  manager: Manager;
  createdAt: number;
  /** The Helm release the workload belongs to, for Helm-managed add-ons. */
  release?: string;
}

/** A Deployment at revision N: the current ReplicaSet with the pods, up to two old ones scaled to zero. Returns the pods. */
export function deployment(estate: Estate, spec: WorkloadSpec, replicas: number, options: WorkloadOptions): Manifest[] {
  const { random } = estate;
  const template = podTemplate(random, spec);
  const revision = random.int(1, 6);
  const deploymentMeta = metadata(estate, spec.name, spec.namespace, options.createdAt, { generation: revision, labels: { ...spec.selector }, annotations: { 'deployment.kubernetes.io/revision': String(revision) } });
  const deploy = managed(estate, {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: deploymentMeta,
    spec: {
      replicas, selector: { matchLabels: spec.selector }, template,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: revision, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas,
      conditions: [
        { type: 'Available', status: 'True', lastUpdateTime: timestamp(options.createdAt), lastTransitionTime: timestamp(options.createdAt), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', lastUpdateTime: timestamp(options.createdAt), lastTransitionTime: timestamp(options.createdAt), reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${spec.name}" has successfully progressed.` },
      ],
    },
  }, options.manager, options.release);
  const owner = ownerOf('apps/v1', 'Deployment', spec.name, deploymentMeta.uid);
  estate.add(deploy);

  const pods: Manifest[] = [];
  const image = String((template.spec.containers as Manifest[])[0]?.image);
  for (let old = Math.min(revision - 1, 2); old >= 0; old--) {
    const hash = random.nameSuffix(10);
    const name = `${spec.name}-${hash}`;
    const current = old === 0;
    const revisionTemplate = current ? template : withImage(template, olderTag(image, old));
    const count = current ? replicas : 0;
    const rsMeta = metadata(estate, name, spec.namespace, current ? estate.createdAfter(options.createdAt) : options.createdAt + old, {
      labels: { ...revisionTemplate.metadata.labels, 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)), 'deployment.kubernetes.io/revision': String(revision - old) },
      ...ownedBy(owner), generation: 1,
    });
    estate.add(controllerOwned(estate, {
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: rsMeta,
      spec: { replicas: count, selector: { matchLabels: { ...spec.selector, 'pod-template-hash': hash } }, template: templateWithLabels(revisionTemplate, { 'pod-template-hash': hash }) },
      status: current ? { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 } : { replicas: 0, observedGeneration: 2 },
    }));
    const rsOwner = ownerOf('apps/v1', 'ReplicaSet', name, rsMeta.uid);
    for (let index = 0; index < count; index++) {
      const pod = podObject(random, revisionTemplate, {
        name: `${name}-${random.nameSuffix(5)}`, generateName: `${name}-`, namespace: spec.namespace, labels: { 'pod-template-hash': hash },
        owner: rsOwner, manager: 'kube-controller-manager', createdAt: estate.createdAfter(rsMeta.createdAt),
      }, estate.placement(estate.schedule()));
      pods.push(pod);
    }
  }
  estate.add(...pods);
  return pods;
}

function controllerRevision(estate: Estate, owner: OwnerReference, namespace: string, hash: string, template: PodTemplate, labels: Record<string, string>, createdAt: number): Manifest {
  return controllerOwned(estate, {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: metadata(estate, `${owner.name}-${hash}`, namespace, createdAt, { labels: { ...labels, 'controller-revision-hash': hash }, ...ownedBy(owner) }),
    data: { spec: { template: { $patch: 'replace', ...template } } },
    revision: 1,
  });
}

const STORAGE = '20Gi';

function volumeClaim(estate: Estate, name: string, namespace: string, labels: Record<string, string>, node: NodeSlot, createdAt: number): Manifest[] {
  const claimMeta = metadata(estate, name, namespace, createdAt, {
    labels,
    annotations: {
      'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com', 'volume.kubernetes.io/selected-node': node.name,
      'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com',
    },
    finalizers: ['kubernetes.io/pvc-protection'],
  });
  const volumeName = `pvc-${claimMeta.uid}`;
  const claim = controllerOwned(estate, {
    apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: claimMeta,
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: STORAGE } }, storageClassName: 'gp3', volumeMode: 'Filesystem', volumeName },
    status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: STORAGE } },
  });
  const volume = controllerOwned(estate, {
    apiVersion: 'v1', kind: 'PersistentVolume',
    metadata: metadata(estate, volumeName, undefined, createdAt + 5, {
      annotations: { 'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com', 'volume.kubernetes.io/provisioner-deletion-secret-name': '', 'volume.kubernetes.io/provisioner-deletion-secret-namespace': '' },
      finalizers: ['external-provisioner.volume.kubernetes.io/finalizer', 'kubernetes.io/pv-protection', 'external-attacher/ebs-csi-aws-com'],
    }),
    spec: {
      accessModes: ['ReadWriteOnce'], capacity: { storage: STORAGE },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name, namespace, uid: claimMeta.uid },
      csi: { driver: 'ebs.csi.aws.com', fsType: 'ext4', volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': `1740787200000-${estate.random.int(1000, 9999)}-ebs.csi.aws.com` }, volumeHandle: `vol-${estate.random.hex(17)}` },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [node.zone] }] }] } },
      persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'gp3', volumeMode: 'Filesystem',
    },
    status: { phase: 'Bound', lastPhaseTransitionTime: timestamp(createdAt + 10) },
  });
  return [claim, volume];
}

/** A StatefulSet with stable pod names, its revision, and one bound claim per pod. Returns the pods. */
export function statefulSet(estate: Estate, spec: WorkloadSpec, replicas: number, serviceName: string, options: WorkloadOptions): Manifest[] {
  const { random } = estate;
  const base = podTemplate(random, spec);
  const [main] = base.spec.containers as Manifest[];
  if (main !== undefined) main.volumeMounts = [...((main.volumeMounts as Manifest[] | undefined) ?? []), { name: 'data', mountPath: '/var/lib/data' }];
  const hash = random.nameSuffix(10);
  const setMeta = metadata(estate, spec.name, spec.namespace, options.createdAt, { generation: 1, labels: { ...spec.selector } });
  const revision = `${spec.name}-${hash}`;
  estate.add(managed(estate, {
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: setMeta,
    spec: {
      replicas, selector: { matchLabels: spec.selector }, serviceName, template: base,
      volumeClaimTemplates: [{
        apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: STORAGE } }, storageClassName: 'gp3', volumeMode: 'Filesystem' },
        status: { phase: 'Pending' },
      }],
      podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    },
    status: {
      observedGeneration: 1, replicas, readyReplicas: replicas, currentReplicas: replicas, updatedReplicas: replicas, availableReplicas: replicas,
      currentRevision: revision, updateRevision: revision, collisionCount: 0,
    },
  }, options.manager, options.release));
  const owner = ownerOf('apps/v1', 'StatefulSet', spec.name, setMeta.uid);
  estate.add(controllerRevision(estate, owner, spec.namespace, hash, base, spec.selector, options.createdAt));

  const pods: Manifest[] = [];
  for (let index = 0; index < replicas; index++) {
    const name = `${spec.name}-${index}`;
    const node = estate.schedule();
    const createdAt = estate.createdAfter(options.createdAt);
    const claim = `data-${name}`;
    const template: PodTemplate = {
      metadata: base.metadata,
      spec: { ...base.spec, hostname: name, subdomain: serviceName, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }, ...((base.spec.volumes as Manifest[] | undefined) ?? [])] },
    };
    estate.add(...volumeClaim(estate, claim, spec.namespace, spec.selector, node, options.createdAt));
    pods.push(podObject(random, template, {
      name, generateName: `${spec.name}-`, namespace: spec.namespace, owner, manager: 'kube-controller-manager', createdAt,
      labels: { 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': String(index) },
    }, estate.placement(node)));
  }
  estate.add(...pods);
  return pods;
}

/** A DaemonSet with one pod on every node. Returns the pods. */
export function daemonSet(estate: Estate, spec: WorkloadSpec, options: WorkloadOptions): Manifest[] {
  const { random } = estate;
  const template = podTemplate(random, spec);
  const count = estate.nodes.length;
  const setMeta = metadata(estate, spec.name, spec.namespace, options.createdAt, { generation: 1, labels: { ...spec.selector }, annotations: { 'deprecated.daemonset.template.generation': '1' } });
  estate.add(managed(estate, {
    apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: setMeta,
    spec: { selector: { matchLabels: spec.selector }, template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }, revisionHistoryLimit: 10 },
    status: { currentNumberScheduled: count, desiredNumberScheduled: count, numberAvailable: count, numberMisscheduled: 0, numberReady: count, observedGeneration: 1, updatedNumberScheduled: count },
  }, options.manager, options.release));
  const owner = ownerOf('apps/v1', 'DaemonSet', spec.name, setMeta.uid);
  const hash = random.nameSuffix(10);
  estate.add(controllerRevision(estate, owner, spec.namespace, hash, template, spec.selector, options.createdAt));
  const pods = estate.nodes.map((node) => podObject(random, template, {
    name: `${spec.name}-${random.nameSuffix(5)}`, generateName: `${spec.name}-`, namespace: spec.namespace, owner, manager: 'kube-controller-manager',
    createdAt: estate.createdAfter(options.createdAt), pinnedToNode: true, labels: { 'controller-revision-hash': hash, 'pod-template-generation': '1' },
  }, estate.placement(node)));
  estate.add(...pods);
  return pods;
}

/** A pod the kubelet runs from a manifest on the node's disk, mirrored to the API and owned by the Node. */
export function staticPod(estate: Estate, spec: WorkloadSpec, node: NodeSlot, extraAnnotations: Record<string, string> = {}): Manifest {
  const { random } = estate;
  const hash = random.hex(32);
  const createdAt = estate.createdAfter(0);
  const pod = podObject(random, podTemplate(random, spec), {
    name: `${spec.name}-${node.name}`, namespace: spec.namespace, owner: ownerOf('v1', 'Node', node.name, node.uid), manager: 'kubelet', createdAt,
    annotations: { 'kubernetes.io/config.hash': hash, 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.seen': timestamp(createdAt), 'kubernetes.io/config.source': 'file', ...extraAnnotations },
  }, estate.placement(node));
  estate.add(pod);
  return pod;
}

/** A pod someone ran by hand (`kubectl run`), owned by nothing. */
export function barePod(estate: Estate, spec: WorkloadSpec): Manifest {
  const pod = podObject(estate.random, podTemplate(estate.random, spec), {
    name: spec.name, namespace: spec.namespace, manager: 'kubectl-run', createdAt: estate.createdAfter(NOW - 7 * 86_400),
  }, estate.placement(estate.schedule()));
  estate.add(pod);
  return pod;
}

export interface ServicePort {
  name: string;
  port: number;
  targetPort: number | string;
  protocol?: 'TCP' | 'UDP';
}

export interface ServiceOptions {
  type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  headless?: boolean;
  /** A fixed cluster IP (kube-dns has one). */
  clusterIp?: string;
  createdAt: number;
  manager?: Manager;
  release?: string;
}

function endpointPort(port: ServicePort): Manifest {
  return { name: port.name, port: typeof port.targetPort === 'number' ? port.targetPort : port.port, protocol: port.protocol ?? 'TCP' };
}

/** A Service selecting `pods`, and the Endpoints the endpoints controller keeps for it. */
export function service(estate: Estate, name: string, namespace: string, selector: Record<string, string>, ports: ServicePort[], pods: readonly Manifest[], options: ServiceOptions): void {
  const { random } = estate;
  const type = options.type ?? 'ClusterIP';
  const clusterIp = options.headless ? 'None' : options.clusterIp ?? estate.serviceIp();
  const serviceMeta = metadata(estate, name, namespace, options.createdAt, { labels: { ...selector } });
  const servicePorts = ports.map((port) => ({
    name: port.name, port: port.port, protocol: port.protocol ?? 'TCP', targetPort: port.targetPort,
    ...(type === 'ClusterIP' ? {} : { nodePort: random.int(30000, 32767) }),
  }));
  estate.add(managed(estate, {
    apiVersion: 'v1', kind: 'Service', metadata: serviceMeta,
    spec: {
      clusterIP: clusterIp, clusterIPs: [clusterIp], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
      ports: servicePorts, selector, sessionAffinity: 'None', type,
      ...(type === 'ClusterIP' ? {} : { externalTrafficPolicy: 'Cluster' }),
      ...(type === 'LoadBalancer' ? { allocateLoadBalancerNodePorts: true } : {}),
    },
    status: { loadBalancer: type === 'LoadBalancer' ? { ingress: [{ hostname: `a${random.hex(31)}-${random.int(100000000, 999999999)}.eu-west-1.elb.amazonaws.com` }] } : {} },
  }, options.manager ?? 'kubectl', options.release));
  const addresses = pods.map((pod) => {
    const podMeta = pod.metadata as Manifest;
    const podSpec = pod.spec as Manifest;
    return {
      ip: (pod.status as Manifest).podIP, nodeName: podSpec.nodeName,
      ...(options.headless ? { hostname: podSpec.hostname } : {}),
      targetRef: { kind: 'Pod', namespace, name: podMeta.name, uid: podMeta.uid },
    };
  });
  const endpointsMeta = metadata(estate, name, namespace, options.createdAt, {
    labels: { ...selector, ...(options.headless ? { 'service.kubernetes.io/headless': '' } : {}) },
    annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': timestamp(estate.createdAfter(options.createdAt)) },
  });
  estate.add(controllerOwned(estate, {
    apiVersion: 'v1', kind: 'Endpoints', metadata: endpointsMeta,
    ...(addresses.length > 0 ? { subsets: [{ addresses, ports: ports.map(endpointPort) }] } : {}),
  }));
}
