/**
 * A small self-managed (kubeadm-built) cluster for end-to-end tests: two application namespaces, a Deployment with
 * its ReplicaSet and Pods as the controllers create them, a kube-apiserver static pod, network policies in one
 * namespace only, default service accounts, nodes, and secrets whose values must never come out.
 */
export const SECRET_VALUE = 'c3VwZXItc2VjcmV0LXZhbHVl';
export const LAST_APPLIED_VALUE = 'plain-secret-in-last-applied';

const labelsOf = (app: string) => ({ app });

function deployment(namespace: string, app: string, replicas: number): Record<string, unknown>[] {
  const template = {
    metadata: { labels: labelsOf(app) },
    spec: { containers: [{ name: app, image: `ghcr.io/acme/${app}:1.4.2`, securityContext: { privileged: app === 'agent' } }] },
  };
  const deploy = {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: {
      name: app, namespace, uid: `uid-deploy-${namespace}-${app}`,
      managedFields: [{ manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1' }],
    },
    spec: { replicas, selector: { matchLabels: labelsOf(app) }, template },
  };
  const replicaSet = {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `${app}-7d9f`, namespace, uid: `uid-rs-${namespace}-${app}`,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: app, uid: deploy.metadata.uid, controller: true }],
    },
    spec: { replicas, selector: { matchLabels: labelsOf(app) }, template },
  };
  const pods = Array.from({ length: replicas }, (_, index) => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: `${app}-7d9f-${index}`, namespace, labels: labelsOf(app),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: replicaSet.metadata.name, uid: replicaSet.metadata.uid, controller: true }],
    },
    spec: { ...template.spec, serviceAccountName: 'default', nodeName: 'worker-1' },
  }));
  return [deploy, replicaSet, ...pods];
}

function node(name: string, role: 'control-plane' | 'worker'): Record<string, unknown> {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...(role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {}) } },
    status: {
      nodeInfo: {
        kubeletVersion: 'v1.29.4', osImage: 'Ubuntu 22.04.4 LTS', kernelVersion: '5.15.0-105-generic',
        containerRuntimeVersion: 'containerd://1.7.13', operatingSystem: 'linux', architecture: 'amd64',
      },
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

const apiServerPod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: {
    name: 'kube-apiserver-cp-1', namespace: 'kube-system', labels: { component: 'kube-apiserver', tier: 'control-plane' },
    annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': '10.0.0.10:6443' },
    ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'cp-1', uid: 'uid-node-cp-1', controller: true }],
  },
  spec: {
    hostNetwork: true, priorityClassName: 'system-node-critical', nodeName: 'cp-1',
    containers: [{
      name: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.29.4',
      command: ['kube-apiserver', '--advertise-address=10.0.0.10', '--allow-privileged=true', '--authorization-mode=Node,RBAC',
        '--enable-admission-plugins=NodeRestriction', '--anonymous-auth=true', '--profiling=true',
        '--etcd-servers=https://127.0.0.1:2379', '--client-ca-file=/etc/kubernetes/pki/ca.crt'],
    }],
  },
};

export function estate(): Record<string, unknown>[] {
  const namespaces = ['kube-system', 'default', 'shop', 'billing'].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
  const serviceAccounts = ['kube-system', 'default', 'shop', 'billing'].map((namespace) => ({
    apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace },
  }));
  const policies = [
    { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'billing' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
  ];
  const services = [
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 443, targetPort: 8443 }] }, status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ledger', namespace: 'billing' }, spec: { type: 'ClusterIP', selector: { app: 'ledger' }, ports: [{ port: 5432 }] } },
  ];
  const secrets = ['shop', 'billing'].map((namespace) => ({
    apiVersion: 'v1', kind: 'Secret', type: 'Opaque',
    metadata: {
      name: 'db-credentials', namespace,
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `{"apiVersion":"v1","kind":"Secret","stringData":{"password":"${LAST_APPLIED_VALUE}"}}` },
    },
    data: { password: SECRET_VALUE },
  }));
  const configMaps = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kubeadm-config', namespace: 'kube-system' }, data: { ClusterConfiguration: 'kind: ClusterConfiguration' } }];
  return [
    ...namespaces, ...serviceAccounts, node('cp-1', 'control-plane'), node('worker-1', 'worker'), apiServerPod,
    ...deployment('shop', 'web', 3), ...deployment('billing', 'ledger', 2), ...deployment('shop', 'agent', 1),
    ...policies, ...services, ...secrets, ...configMaps,
  ];
}
