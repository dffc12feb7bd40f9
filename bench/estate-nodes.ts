/**
 * The estate's nodes as the kubelet registers and reports them: kubeadm control-plane nodes (tainted) and workers,
 * with capacity, conditions, addresses, node info and the image list that makes real Node objects large.
 */
import { managedFieldsEntry, type Manifest } from './estate-managed-fields.js';
import type { SeededRandom } from './seeded-random.js';

export interface NodeSlot {
  name: string;
  uid: string;
  ip: string;
  controlPlane: boolean;
  zone: string;
  podCidr: string;
}

const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const KUBELET_VERSION = 'v1.33.2';

/** Control-plane nodes first: three in a cluster of ten nodes or more, one otherwise. */
export function nodeSlots(random: SeededRandom, count: number): NodeSlot[] {
  const controlPlanes = count >= 10 ? 3 : 1;
  return Array.from({ length: count }, (_, index) => {
    const controlPlane = index < controlPlanes;
    const name = controlPlane ? `k8s-cp-${index + 1}` : `k8s-worker-${String(index - controlPlanes + 1).padStart(3, '0')}`;
    return {
      name, uid: random.uuid(), ip: `10.0.${Math.floor(index / 200)}.${(index % 200) + 10}`, controlPlane,
      zone: ZONES[index % ZONES.length]!, podCidr: `10.${244 + Math.floor(index / 256)}.${index % 256}.0/24`,
    };
  });
}

const NODE_IMAGES = [
  'registry.k8s.io/kube-proxy:v1.33.2', 'docker.io/calico/node:v3.28.1', 'docker.io/calico/cni:v3.28.1',
  'quay.io/prometheus/node-exporter:v1.8.2', 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', 'registry.k8s.io/pause:3.10',
  'docker.io/envoyproxy/envoy:v1.30.2', 'docker.io/library/busybox:1.36.1', 'registry.k8s.io/coredns/coredns:v1.12.0',
];

function images(random: SeededRandom, controlPlane: boolean): Manifest[] {
  const names = controlPlane
    ? [...NODE_IMAGES, 'registry.k8s.io/kube-apiserver:v1.33.2', 'registry.k8s.io/kube-controller-manager:v1.33.2', 'registry.k8s.io/kube-scheduler:v1.33.2', 'registry.k8s.io/etcd:3.5.21-0']
    : [...NODE_IMAGES, ...Array.from({ length: random.int(10, 30) }, (_, index) => `registry.example.com/apps/service-${random.int(1, 400)}:1.${index}.${random.int(0, 9)}`)];
  return names.map((name) => {
    const repository = name.slice(0, name.lastIndexOf(':'));
    return { names: [`${repository}@sha256:${random.hex(64)}`, name], sizeBytes: random.int(5_000_000, 400_000_000) };
  });
}

const condition = (type: string, status: string, reason: string, message: string, time: string) => ({
  type, status, lastHeartbeatTime: '2025-06-01T11:58:00Z', lastTransitionTime: time, reason, message,
});

export function nodeObject(random: SeededRandom, slot: NodeSlot, created: string): Manifest {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': slot.name,
    'kubernetes.io/os': 'linux', 'topology.kubernetes.io/region': 'eu-west-1', 'topology.kubernetes.io/zone': slot.zone,
    'node.kubernetes.io/instance-type': slot.controlPlane ? 'm6i.xlarge' : 'm6i.4xlarge',
    ...(slot.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
  };
  const annotations = {
    'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
    'node.alpha.kubernetes.io/ttl': '0',
    'projectcalico.org/IPv4Address': `${slot.ip}/24`,
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  };
  const capacity = slot.controlPlane
    ? { cpu: '4', 'ephemeral-storage': '101430960Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16181352Ki', pods: '110' }
    : { cpu: '16', 'ephemeral-storage': '203070420Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '65023816Ki', pods: '250' };
  const status = {
    addresses: [{ type: 'InternalIP', address: slot.ip }, { type: 'Hostname', address: slot.name }],
    allocatable: { ...capacity, cpu: slot.controlPlane ? '3800m' : '15800m', memory: slot.controlPlane ? '15554664Ki' : '64397128Ki' },
    capacity,
    conditions: [
      condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', created),
      condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', created),
      condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', created),
      condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', created),
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    images: images(random, slot.controlPlane),
    nodeInfo: {
      architecture: 'amd64', bootID: random.uuid(), containerRuntimeVersion: 'containerd://1.7.24', kernelVersion: '6.8.0-1021-aws',
      kubeProxyVersion: KUBELET_VERSION, kubeletVersion: KUBELET_VERSION, machineID: random.hex(32), operatingSystem: 'linux',
      osImage: 'Ubuntu 24.04.2 LTS', systemUUID: random.uuid(),
    },
  };
  const spec = {
    podCIDR: slot.podCidr, podCIDRs: [slot.podCidr],
    ...(slot.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
  };
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: {
      name: slot.name, uid: slot.uid, creationTimestamp: created, labels, annotations,
      managedFields: [
        managedFieldsEntry({ manager: 'kubelet', operation: 'Update', apiVersion: 'v1', time: created, wrote: { metadata: { annotations, labels } } }),
        managedFieldsEntry({ manager: 'kubeadm', operation: 'Update', apiVersion: 'v1', time: created, wrote: { spec } }),
        managedFieldsEntry({ manager: 'kubelet', operation: 'Update', apiVersion: 'v1', time: '2025-06-01T11:58:00Z', wrote: { status }, subresource: 'status' }),
      ],
    },
    spec,
    status,
  };
}
