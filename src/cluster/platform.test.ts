import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Platform } from '../model/cluster.js';
import type { K8sObject } from '../model/k8s.js';
import { PlatformObserver } from './platform.js';

interface NodeFacts {
  labels?: Record<string, string>;
  providerID?: string;
  kubeletVersion?: string;
  osImage?: string;
  images?: string[];
}

/** A Node as the API returns it, trimmed to the fields the observer reads and a few it must ignore. */
function node(name: string, facts: NodeFacts): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...facts.labels } },
    spec: { podCIDR: '10.244.0.0/24', ...(facts.providerID ? { providerID: facts.providerID } : {}) },
    status: {
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://1.7.20',
        kernelVersion: '6.1.102',
        kubeletVersion: facts.kubeletVersion ?? 'v1.30.4',
        operatingSystem: 'linux',
        osImage: facts.osImage ?? 'Ubuntu 22.04.4 LTS',
      },
      images: (facts.images ?? ['registry.k8s.io/pause:3.9']).map((name) => ({ names: [name], sizeBytes: 1000 })),
    },
  };
}

function systemPod(name: string, labels: Record<string, string> = {}, annotations: Record<string, string> = {}): K8sObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'kube-system', labels, annotations }, spec: { containers: [] } };
}

function systemConfigMap(name: string): K8sObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'kube-system' }, data: { key: 'value' } };
}

const KUBEADM_API_SERVER = systemPod(
  'kube-apiserver-cp-1',
  { component: 'kube-apiserver', tier: 'control-plane' },
  { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': '192.168.10.11:6443', 'kubernetes.io/config.source': 'file' },
);

const CORE_VERSIONS = ['v1', 'apps/v1', 'batch/v1', 'rbac.authorization.k8s.io/v1', 'networking.k8s.io/v1'];

interface Case {
  name: string;
  serverVersion?: string;
  servedVersions?: string[];
  objects: K8sObject[];
  expected: Platform;
}

const CASES: Case[] = [
  {
    name: 'EKS managed node group',
    serverVersion: 'v1.30.4-eks-a737599',
    objects: [
      node('ip-10-0-1-23.eu-west-1.compute.internal', {
        labels: { 'eks.amazonaws.com/nodegroup': 'general', 'eks.amazonaws.com/capacityType': 'ON_DEMAND', 'node.kubernetes.io/instance-type': 'm6i.large' },
        providerID: 'aws:///eu-west-1a/i-0a1b2c3d4e5f67890',
        kubeletVersion: 'v1.30.2-eks-1552ad0',
        osImage: 'Amazon Linux 2023.5.20240819',
      }),
      systemConfigMap('aws-auth'),
      systemConfigMap('coredns'),
    ],
    expected: {
      distribution: 'eks',
      provider: 'aws',
      managed: true,
      evidence: [
        'configmap kube-system/aws-auth',
        'node ip-10-0-1-23.eu-west-1.compute.internal kubeletVersion v1.30.2-eks-1552ad0',
        'node ip-10-0-1-23.eu-west-1.compute.internal label eks.amazonaws.com/nodegroup=general',
        'node ip-10-0-1-23.eu-west-1.compute.internal osImage Amazon Linux 2023.5.20240819',
        'node ip-10-0-1-23.eu-west-1.compute.internal providerID aws:///eu-west-1a/i-0a1b2c3d4e5f67890',
        'server version v1.30.4-eks-a737599',
      ],
    },
  },
  {
    name: 'EKS Fargate node, known by its label alone',
    objects: [node('fargate-ip-10-0-7-9.eu-west-1.compute.internal', { labels: { 'eks.amazonaws.com/compute-type': 'fargate' } })],
    expected: {
      distribution: 'eks',
      provider: 'aws',
      managed: true,
      evidence: ['node fargate-ip-10-0-7-9.eu-west-1.compute.internal label eks.amazonaws.com/compute-type=fargate'],
    },
  },
  {
    name: 'GKE',
    serverVersion: 'v1.30.3-gke.1639000',
    objects: [
      node('gke-prod-default-pool-1a2b3c4d-x9z8', {
        labels: { 'cloud.google.com/gke-nodepool': 'default-pool', 'cloud.google.com/gke-os-distribution': 'cos' },
        providerID: 'gce://acme-prod/europe-west1-b/gke-prod-default-pool-1a2b3c4d-x9z8',
        kubeletVersion: 'v1.30.3-gke.1639000',
        osImage: 'Container-Optimized OS from Google',
      }),
    ],
    expected: {
      distribution: 'gke',
      provider: 'gcp',
      managed: true,
      evidence: [
        'node gke-prod-default-pool-1a2b3c4d-x9z8 kubeletVersion v1.30.3-gke.1639000',
        'node gke-prod-default-pool-1a2b3c4d-x9z8 label cloud.google.com/gke-nodepool=default-pool',
        'node gke-prod-default-pool-1a2b3c4d-x9z8 osImage Container-Optimized OS from Google',
        'node gke-prod-default-pool-1a2b3c4d-x9z8 providerID gce://acme-prod/europe-west1-b/gke-prod-default-pool-1a2b3c4d-x9z8',
        'server version v1.30.3-gke.1639000',
      ],
    },
  },
  {
    name: 'AKS (its gitVersion is upstream\'s)',
    serverVersion: 'v1.29.7',
    objects: [
      node('aks-nodepool1-12345678-vmss000000', {
        labels: { 'kubernetes.azure.com/cluster': 'MC_rg-prod_aks-prod_westeurope', 'kubernetes.azure.com/agentpool': 'nodepool1', agentpool: 'nodepool1' },
        providerID: 'azure:///subscriptions/0000-1111/resourceGroups/mc_rg-prod_aks-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-12345678-vmss/virtualMachines/0',
        kubeletVersion: 'v1.29.7',
      }),
    ],
    expected: {
      distribution: 'aks',
      provider: 'azure',
      managed: true,
      evidence: [
        'node aks-nodepool1-12345678-vmss000000 label kubernetes.azure.com/cluster=MC_rg-prod_aks-prod_westeurope',
        'node aks-nodepool1-12345678-vmss000000 providerID azure:///subscriptions/0000-1111/resourceGroups/mc_rg-prod_aks-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-12345678-vmss/virtualMachines/0',
      ],
    },
  },
  {
    name: 'OpenShift on AWS: the distribution from its API groups, the provider from the nodes',
    serverVersion: 'v1.29.6+aba1e8d',
    servedVersions: [...CORE_VERSIONS, 'config.openshift.io/v1', 'route.openshift.io/v1', 'apps.openshift.io/v1'],
    objects: [
      node('ip-10-0-40-7.ec2.internal', {
        labels: { 'node.openshift.io/os_id': 'rhcos', 'node-role.kubernetes.io/worker': '' },
        providerID: 'aws:///us-east-1a/i-0fedcba9876543210',
        osImage: 'Red Hat Enterprise Linux CoreOS 416.94.202407081958-0',
      }),
    ],
    expected: {
      distribution: 'openshift',
      provider: 'aws',
      managed: false,
      evidence: [
        'node ip-10-0-40-7.ec2.internal label node.openshift.io/os_id=rhcos',
        'node ip-10-0-40-7.ec2.internal osImage Red Hat Enterprise Linux CoreOS 416.94.202407081958-0',
        'node ip-10-0-40-7.ec2.internal providerID aws:///us-east-1a/i-0fedcba9876543210',
        'served API group config.openshift.io',
        'served API group route.openshift.io',
      ],
    },
  },
  {
    name: 'k3s',
    serverVersion: 'v1.30.4+k3s1',
    objects: [node('edge-1', { providerID: 'k3s://edge-1', kubeletVersion: 'v1.30.4+k3s1' })],
    expected: {
      distribution: 'k3s',
      provider: 'unknown',
      managed: false,
      evidence: ['node edge-1 kubeletVersion v1.30.4+k3s1', 'node edge-1 providerID k3s://edge-1', 'server version v1.30.4+k3s1'],
    },
  },
  {
    name: 'rke2 (static control-plane pods without kubeadm annotations)',
    serverVersion: 'v1.29.8+rke2r1',
    objects: [
      node('rke2-server-1', { providerID: 'rke2://rke2-server-1', kubeletVersion: 'v1.29.8+rke2r1' }),
      systemPod('kube-apiserver-rke2-server-1', { component: 'kube-apiserver', tier: 'control-plane' }),
    ],
    expected: {
      distribution: 'rke2',
      provider: 'unknown',
      managed: false,
      evidence: ['node rke2-server-1 kubeletVersion v1.29.8+rke2r1', 'node rke2-server-1 providerID rke2://rke2-server-1', 'server version v1.29.8+rke2r1'],
    },
  },
  {
    name: 'kind, though built with kubeadm',
    serverVersion: 'v1.31.0',
    objects: [
      node('kind-control-plane', {
        labels: { 'node-role.kubernetes.io/control-plane': '' },
        providerID: 'kind://docker/kind/kind-control-plane',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        images: ['docker.io/kindest/kindnetd:v20240813-c6f155d6', 'registry.k8s.io/etcd:3.5.15-0'],
      }),
      systemPod('kindnet-7x2kq', { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }),
      KUBEADM_API_SERVER,
      systemConfigMap('kubeadm-config'),
    ],
    expected: {
      distribution: 'kind',
      provider: 'docker',
      managed: false,
      evidence: [
        'node kind-control-plane holds image docker.io/kindest/kindnetd:v20240813-c6f155d6',
        'node kind-control-plane providerID kind://docker/kind/kind-control-plane',
        'pod kube-system/kindnet-7x2kq label app=kindnet',
      ],
    },
  },
  {
    name: 'kind on podman',
    objects: [node('dev-control-plane', { providerID: 'kind://podman/dev/dev-control-plane' })],
    expected: { distribution: 'kind', provider: 'podman', managed: false, evidence: ['node dev-control-plane providerID kind://podman/dev/dev-control-plane'] },
  },
  {
    name: 'minikube, though built with kubeadm',
    serverVersion: 'v1.30.0',
    objects: [
      node('minikube', { labels: { 'minikube.k8s.io/version': 'v1.33.1', 'minikube.k8s.io/name': 'minikube', 'minikube.k8s.io/primary': 'true' } }),
      systemConfigMap('kubeadm-config'),
    ],
    expected: { distribution: 'minikube', provider: 'unknown', managed: false, evidence: ['node minikube label minikube.k8s.io/name=minikube'] },
  },
  {
    name: 'kubeadm on bare metal',
    serverVersion: 'v1.31.1',
    objects: [node('cp-1', { labels: { 'node-role.kubernetes.io/control-plane': '' } }), KUBEADM_API_SERVER, systemConfigMap('kubeadm-config'), systemConfigMap('kube-proxy')],
    expected: {
      distribution: 'kubeadm',
      provider: 'unknown',
      managed: false,
      evidence: ['configmap kube-system/kubeadm-config', 'pod kube-system/kube-apiserver-cp-1 annotation kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint'],
    },
  },
  {
    name: 'kubeadm on AWS: self-managed, so not managed',
    serverVersion: 'v1.31.1',
    objects: [node('ip-172-31-5-10', { providerID: 'aws:///eu-central-1b/i-00728a20e15067c15' }), systemConfigMap('kubeadm-config')],
    expected: {
      distribution: 'kubeadm',
      provider: 'aws',
      managed: false,
      evidence: ['configmap kube-system/kubeadm-config', 'node ip-172-31-5-10 providerID aws:///eu-central-1b/i-00728a20e15067c15'],
    },
  },
  {
    name: 'a provider guessed from the operating system image when no node has a providerID',
    objects: [node('worker-1', { osImage: 'Bottlerocket OS 1.20.5 (aws-k8s-1.30)' })],
    expected: { distribution: 'unknown', provider: 'aws', managed: false, evidence: ['node worker-1 osImage Bottlerocket OS 1.20.5 (aws-k8s-1.30)'] },
  },
  {
    name: 'a providerID outweighs the operating system image',
    objects: [node('worker-1', { osImage: 'Amazon Linux 2', providerID: 'openstack:///8d3c1e52-6a5e-4c9b-9f0e-2b1d7e0c4a11' })],
    expected: { distribution: 'unknown', provider: 'openstack', managed: false, evidence: ['node worker-1 providerID openstack:///8d3c1e52-6a5e-4c9b-9f0e-2b1d7e0c4a11'] },
  },
  {
    name: 'nothing to go on',
    serverVersion: 'v1.31.0',
    objects: [node('node-a', {}), systemPod('coredns-5d78c9869d-abcde', { 'k8s-app': 'kube-dns' }), systemConfigMap('coredns')],
    expected: { distribution: 'unknown', provider: 'unknown', managed: false, evidence: [] },
  },
];

function observe(objects: readonly K8sObject[], serverVersion?: string, servedVersions: readonly string[] = CORE_VERSIONS): Platform {
  const observer = new PlatformObserver();
  for (const object of objects) observer.observe(object);
  return observer.platform(serverVersion, servedVersions);
}

describe('PlatformObserver', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      assert.deepEqual(observe(testCase.objects, testCase.serverVersion, testCase.servedVersions), testCase.expected);
    });
  }

  it('gives the same verdict and evidence whatever order the objects arrive in', () => {
    for (const testCase of CASES) {
      const reversed = observe([...testCase.objects].reverse(), testCase.serverVersion, testCase.servedVersions);
      assert.deepEqual(reversed, testCase.expected, testCase.name);
    }
  });

  it('keeps one clue of each kind however many nodes show it: the node that sorts first', () => {
    const nodes = Array.from({ length: 2000 }, (_, index) => node(`ip-10-0-${Math.floor(index / 250)}-${index % 250}`, {
      labels: { 'eks.amazonaws.com/nodegroup': 'general' },
      providerID: `aws:///eu-west-1a/i-${index.toString(16).padStart(17, '0')}`,
    }));
    const platform = observe(nodes.reverse());
    assert.deepEqual(platform.evidence, [
      'node ip-10-0-0-0 label eks.amazonaws.com/nodegroup=general',
      'node ip-10-0-0-0 providerID aws:///eu-west-1a/i-00000000000000000',
    ]);
  });

  it('reads kubeadm annotations and config maps in kube-system only', () => {
    const elsewhere = [
      { ...KUBEADM_API_SERVER, metadata: { ...KUBEADM_API_SERVER.metadata, namespace: 'default' } },
      { ...systemConfigMap('kubeadm-config'), metadata: { name: 'kubeadm-config', namespace: 'tools' } },
    ];
    assert.equal(observe(elsewhere).distribution, 'unknown');
  });

  it('ignores fields of the wrong type and objects of other kinds', () => {
    const malformed: K8sObject[] = [
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', labels: 'eks.amazonaws.com/nodegroup' as never }, spec: { providerID: 42 }, status: { nodeInfo: 'x', images: [null, { names: 'kindest/x' }] } },
      { apiVersion: 'v1', kind: 'Node' },
      { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'kube-system', annotations: ['kubeadm.kubernetes.io/x'] as never } },
      { apiVersion: 'example.com/v1', kind: 'Node', metadata: { name: 'fake', labels: { 'cloud.google.com/gke-nodepool': 'p' } } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kubeadm-config' } },
    ];
    assert.deepEqual(observe(malformed), { distribution: 'unknown', provider: 'unknown', managed: false, evidence: [] });
  });
});
