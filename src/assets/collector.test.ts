import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { K8sObject } from '../model/k8s.js';
import { AssetCollector } from './collector.js';
import { estateObjects, LAB, REPORT_DIGEST } from './fixtures.js';
import type { AssetInventory, WorkloadRef } from './model.js';

function collect(objects: readonly K8sObject[], origin: { cluster?: string; file?: string } = { cluster: 'lab' }): AssetInventory {
  const collector = new AssetCollector();
  collector.addCluster(LAB);
  for (const object of objects) collector.add(object, origin);
  return collector.result();
}

const ref = (kind: string, namespace: string, name: string): WorkloadRef => ({ kind, namespace, name });
const WEB = ref('Deployment', 'shop', 'web');
const POSTGRES = ref('StatefulSet', 'shop', 'postgres');
const REPORT = ref('CronJob', 'shop', 'nightly-report');
const DEBUG = ref('Pod', 'shop', 'debug-shell');
const EXPORTER = ref('DaemonSet', 'monitoring', 'node-exporter');
const API_SERVER = ref('Pod', 'kube-system', 'kube-apiserver-cp-1');
const NO_EXPOSURE = { loadBalancer: [], nodePorts: [], externalIPs: [] };

describe('AssetCollector on a small cluster', () => {
  const inventory = collect(estateObjects());

  it('describes the cluster with its platform and counts', () => {
    assert.deepEqual(inventory.clusters, [{
      context: 'lab',
      server: 'https://192.168.10.11:6443',
      version: 'v1.31.1',
      distribution: 'kubeadm',
      provider: 'unknown',
      managed: false,
      counts: { nodes: 2, namespaces: 4, workloads: 6, pods: 9 },
    }]);
  });

  it('lists nodes with roles, system facts and readiness', () => {
    assert.deepEqual(inventory.nodes, [
      {
        cluster: 'lab', name: 'cp-1', roles: ['control-plane'], os: 'linux', osImage: 'Ubuntu 24.04.1 LTS', kernel: '6.8.0-45-generic',
        containerRuntime: 'containerd://1.7.20', kubeletVersion: 'v1.31.1', architecture: 'amd64', ready: true,
      },
      {
        cluster: 'lab', name: 'win-1', roles: ['windows-worker'], os: 'windows', osImage: 'Windows Server 2022 Datacenter', kernel: '10.0.20348.2582',
        containerRuntime: 'containerd://1.6.28', kubeletVersion: 'v1.31.1', architecture: 'amd64', instanceType: 'Standard_D4s_v5', ready: false,
      },
    ]);
  });

  it('lists namespaces with their Pod Security labels and workload counts', () => {
    assert.deepEqual(inventory.namespaces, [
      { cluster: 'lab', name: 'default', observed: true, podSecurity: {}, workloads: 0 },
      { cluster: 'lab', name: 'kube-system', observed: true, podSecurity: {}, workloads: 1 },
      { cluster: 'lab', name: 'monitoring', observed: true, podSecurity: { enforce: 'privileged' }, workloads: 1 },
      { cluster: 'lab', name: 'shop', observed: true, podSecurity: { enforce: 'baseline', audit: 'restricted', warn: 'restricted' }, workloads: 4 },
    ]);
  });

  it('lists top-level workloads only, with the pods of their ReplicaSets and Jobs counted under them', () => {
    assert.deepEqual(inventory.workloads, [
      {
        cluster: 'lab', kind: 'Pod', namespace: 'kube-system', name: 'kube-apiserver-cp-1', observed: true, pods: 1, serviceAccount: 'default',
        containers: [{ name: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.31.1', kind: 'app', privileged: false }],
      },
      {
        cluster: 'lab', kind: 'DaemonSet', namespace: 'monitoring', name: 'node-exporter', observed: true, replicas: 2, pods: 2, serviceAccount: 'node-exporter',
        containers: [{ name: 'node-exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2', kind: 'app', privileged: true }],
      },
      {
        cluster: 'lab', kind: 'Pod', namespace: 'shop', name: 'debug-shell', observed: true, pods: 1, serviceAccount: 'default',
        containers: [
          { name: 'shell', image: 'busybox:1.36', kind: 'app', privileged: false },
          { name: 'debugger-abc12', image: 'busybox:1.36', kind: 'ephemeral', privileged: false },
        ],
      },
      {
        cluster: 'lab', kind: 'CronJob', namespace: 'shop', name: 'nightly-report', observed: true, pods: 1, serviceAccount: 'report-writer',
        containers: [{ name: 'report', image: `ghcr.io/acme/report@${REPORT_DIGEST}`, kind: 'app', privileged: false }],
      },
      {
        cluster: 'lab', kind: 'StatefulSet', namespace: 'shop', name: 'postgres', observed: true, replicas: 1, pods: 1, serviceAccount: 'default',
        containers: [{ name: 'postgres', image: 'postgres:16.4', kind: 'app', privileged: false }],
      },
      {
        cluster: 'lab', kind: 'Deployment', namespace: 'shop', name: 'web', observed: true, replicas: 3, pods: 3, serviceAccount: 'web',
        containers: [
          { name: 'migrate', image: 'ghcr.io/acme/web-migrate:2.4.1', kind: 'init', privileged: false },
          { name: 'web', image: 'ghcr.io/acme/web:2.4.1', kind: 'app', privileged: false },
          { name: 'envoy', image: 'envoyproxy/envoy:v1.31.0', kind: 'app', privileged: false },
        ],
      },
    ]);
  });

  it('lists each distinct image of the listed workloads, split, and not those of old ReplicaSets or debugged pods', () => {
    assert.deepEqual(inventory.images, [
      { cluster: 'lab', reference: 'docker.io/envoyproxy/envoy:v1.31.0', registry: 'docker.io', repository: 'envoyproxy/envoy', tag: 'v1.31.0', workloads: [WEB] },
      { cluster: 'lab', reference: 'docker.io/library/busybox:1.36', registry: 'docker.io', repository: 'library/busybox', tag: '1.36', workloads: [DEBUG] },
      { cluster: 'lab', reference: 'docker.io/library/postgres:16.4', registry: 'docker.io', repository: 'library/postgres', tag: '16.4', workloads: [POSTGRES] },
      { cluster: 'lab', reference: `ghcr.io/acme/report@${REPORT_DIGEST}`, registry: 'ghcr.io', repository: 'acme/report', digest: REPORT_DIGEST, workloads: [REPORT] },
      { cluster: 'lab', reference: 'ghcr.io/acme/web-migrate:2.4.1', registry: 'ghcr.io', repository: 'acme/web-migrate', tag: '2.4.1', workloads: [WEB] },
      { cluster: 'lab', reference: 'ghcr.io/acme/web:2.4.1', registry: 'ghcr.io', repository: 'acme/web', tag: '2.4.1', workloads: [WEB] },
      { cluster: 'lab', reference: 'quay.io/prometheus/node-exporter:v1.8.2', registry: 'quay.io', repository: 'prometheus/node-exporter', tag: 'v1.8.2', workloads: [EXPORTER] },
      { cluster: 'lab', reference: 'registry.k8s.io/kube-apiserver:v1.31.1', registry: 'registry.k8s.io', repository: 'kube-apiserver', tag: 'v1.31.1', workloads: [API_SERVER] },
    ]);
  });

  it('counts images and workloads per registry', () => {
    assert.deepEqual(inventory.registries, [
      { cluster: 'lab', host: 'docker.io', images: 3, workloads: 3 },
      { cluster: 'lab', host: 'ghcr.io', images: 3, workloads: 2 },
      { cluster: 'lab', host: 'quay.io', images: 1, workloads: 1 },
      { cluster: 'lab', host: 'registry.k8s.io', images: 1, workloads: 1 },
    ]);
  });

  it('lists service accounts with the workloads that run as them, a missing one included', () => {
    assert.deepEqual(inventory.serviceAccounts, [
      { cluster: 'lab', namespace: 'default', name: 'default', missing: false, workloads: [] },
      { cluster: 'lab', namespace: 'kube-system', name: 'default', missing: false, workloads: [API_SERVER] },
      { cluster: 'lab', namespace: 'monitoring', name: 'default', missing: false, workloads: [] },
      { cluster: 'lab', namespace: 'monitoring', name: 'node-exporter', automountServiceAccountToken: false, missing: false, workloads: [EXPORTER] },
      { cluster: 'lab', namespace: 'shop', name: 'default', missing: false, workloads: [DEBUG, POSTGRES] },
      { cluster: 'lab', namespace: 'shop', name: 'report-writer', missing: true, workloads: [REPORT] },
      { cluster: 'lab', namespace: 'shop', name: 'unused', automountServiceAccountToken: true, missing: false, workloads: [] },
      { cluster: 'lab', namespace: 'shop', name: 'web', missing: false, workloads: [WEB] },
    ]);
  });

  it('lists users, groups and service accounts with the bindings and roles that grant them something', () => {
    const clusterAdmin = { binding: { kind: 'ClusterRoleBinding', name: 'cluster-admins' }, role: { kind: 'ClusterRole', name: 'cluster-admin' } };
    const configReader = { binding: { kind: 'RoleBinding', namespace: 'shop', name: 'web-config-reader' }, role: { kind: 'Role', namespace: 'shop', name: 'config-reader' } };
    const metricsView = { binding: { kind: 'RoleBinding', namespace: 'monitoring', name: 'metrics-view' }, role: { kind: 'ClusterRole', name: 'view' } };
    assert.deepEqual(inventory.subjects, [
      { cluster: 'lab', kind: 'User', name: 'alice@example.com', grants: [clusterAdmin] },
      { cluster: 'lab', kind: 'User', name: 'bob@example.com', grants: [configReader] },
      { cluster: 'lab', kind: 'Group', name: 'platform-admins', grants: [clusterAdmin] },
      { cluster: 'lab', kind: 'Group', name: 'system:serviceaccounts:shop', grants: [metricsView] },
      {
        cluster: 'lab', kind: 'ServiceAccount', namespace: 'monitoring', name: 'node-exporter',
        grants: [{ binding: { kind: 'ClusterRoleBinding', name: 'node-exporter-metrics' }, role: { kind: 'ClusterRole', name: 'view' } }, metricsView],
      },
      { cluster: 'lab', kind: 'ServiceAccount', namespace: 'shop', name: 'web', grants: [configReader] },
    ]);
  });

  it('lists services with the workloads they select and how they are exposed', () => {
    assert.deepEqual(inventory.services, [
      {
        cluster: 'lab', namespace: 'monitoring', name: 'node-exporter', type: 'NodePort', clusterIP: '10.96.91.0',
        ports: [{ name: 'metrics', port: 9100, protocol: 'TCP', targetPort: 9100, nodePort: 30910 }], selector: { app: 'node-exporter' },
        exposed: true, exposure: { loadBalancer: [], nodePorts: [30910], externalIPs: [] }, workloads: [EXPORTER],
      },
      {
        cluster: 'lab', namespace: 'shop', name: 'legacy-gateway', type: 'ClusterIP', clusterIP: '10.96.7.7', ports: [{ port: 8443, protocol: 'TCP' }],
        selector: { app: 'gateway' }, exposed: true, exposure: { loadBalancer: [], nodePorts: [], externalIPs: ['198.51.100.7'] }, workloads: [],
      },
      {
        cluster: 'lab', namespace: 'shop', name: 'payments-api', type: 'ExternalName', externalName: 'payments.example.com', ports: [], selector: {},
        exposed: false, exposure: NO_EXPOSURE, workloads: [],
      },
      {
        cluster: 'lab', namespace: 'shop', name: 'postgres', type: 'ClusterIP', clusterIP: 'None', ports: [{ port: 5432, protocol: 'TCP' }],
        selector: { app: 'postgres' }, exposed: false, exposure: NO_EXPOSURE, workloads: [POSTGRES],
      },
      {
        cluster: 'lab', namespace: 'shop', name: 'web', type: 'ClusterIP', clusterIP: '10.96.12.34', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
        selector: { app: 'web' }, exposed: false, exposure: NO_EXPOSURE, workloads: [WEB],
      },
      {
        cluster: 'lab', namespace: 'shop', name: 'web-public', type: 'LoadBalancer', clusterIP: '10.96.40.1',
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', nodePort: 31443 }], selector: { app: 'web', tier: 'frontend' },
        exposed: true, exposure: { loadBalancer: ['203.0.113.10'], nodePorts: [31443], externalIPs: [] }, workloads: [WEB],
      },
    ]);
  });

  it('lists ingresses with TLS per host and each rule followed to its workloads', () => {
    assert.deepEqual(inventory.ingresses, [
      {
        cluster: 'lab', namespace: 'shop', name: 'status', class: 'nginx',
        hosts: [{ host: '*', tls: false }, { host: 'status.example.com', tls: false }],
        rules: [
          { service: 'web', port: 80, workloads: [WEB] },
          { host: 'status.example.com', path: '/health', pathType: 'Exact', service: 'status-page', port: 8080, workloads: [] },
        ],
        addresses: [],
        exposed: true,
      },
      {
        cluster: 'lab', namespace: 'shop', name: 'storefront', class: 'nginx',
        hosts: [{ host: 'shop.example.com', tls: true, secretName: 'storefront-tls' }],
        rules: [
          { host: 'shop.example.com', path: '/', pathType: 'Prefix', service: 'web', port: 80, workloads: [WEB] },
          { host: 'shop.example.com', path: '/pay', pathType: 'Prefix', service: 'payments-api', port: 'https', workloads: [] },
        ],
        addresses: ['lb-1234.example.net'],
        exposed: true,
      },
    ]);
  });

  it('lists secrets by name and type only', () => {
    assert.deepEqual(inventory.secrets, [
      { cluster: 'lab', namespace: 'monitoring', name: 'node-exporter-token', type: 'kubernetes.io/service-account-token' },
      { cluster: 'lab', namespace: 'shop', name: 'db-credentials', type: 'Opaque' },
      { cluster: 'lab', namespace: 'shop', name: 'storefront-tls', type: 'kubernetes.io/tls' },
    ]);
  });

  it('gives the same inventory whatever order the objects arrive in', () => {
    assert.deepEqual(collect(estateObjects().reverse()), inventory);
  });
});

describe('AssetCollector on manifests and partial reads', () => {
  const deployment = (name: string, namespace: string | undefined, serviceAccountName?: string): K8sObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
    spec: { template: { metadata: { labels: { app: name } }, spec: { ...(serviceAccountName ? { serviceAccountName } : {}), containers: [{ name, image: `example.com/${name}:1` }] } } },
  });

  it('names the file of each item read from one, and marks namespaces known only from their objects', () => {
    const inventory = collect([deployment('api', 'payments', 'payments-api'), deployment('worker', 'payments')], { file: 'deploy/app.yaml' });
    assert.deepEqual(inventory.namespaces, [{ name: 'payments', observed: false, podSecurity: {}, workloads: 2 }]);
    assert.deepEqual(inventory.workloads.map((workload) => [workload.file, workload.cluster, workload.name]), [['deploy/app.yaml', undefined, 'api'], ['deploy/app.yaml', undefined, 'worker']]);
    assert.deepEqual(inventory.serviceAccounts, [
      { namespace: 'payments', name: 'default', missing: false, workloads: [ref('Deployment', 'payments', 'worker')] },
      { namespace: 'payments', name: 'payments-api', missing: true, workloads: [ref('Deployment', 'payments', 'api')] },
    ]);
    assert.equal(inventory.clusters[0]?.counts.workloads, 0, 'manifests count toward no cluster');
  });

  it('leaves the namespace out of workloads written without one', () => {
    const inventory = collect([deployment('api', undefined)], { file: 'app.yaml' });
    assert.deepEqual(inventory.workloads.map((workload) => [workload.kind, workload.namespace, workload.name]), [['Deployment', undefined, 'api']]);
    assert.deepEqual(inventory.namespaces, []);
  });

  it('lists a controller that was not read under its own name, known from the pods it controls', () => {
    const pod = (name: string, image: string): K8sObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'shop', labels: { app: 'cart' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'cart-6b7f9', controller: true }] },
      spec: { containers: [{ name: 'cart', image }] },
    });
    const inventory = collect([pod('cart-6b7f9-zzzzz', 'example.com/cart:2'), pod('cart-6b7f9-aaaaa', 'example.com/cart:1')]);
    assert.deepEqual(inventory.workloads, [{
      cluster: 'lab', kind: 'ReplicaSet', namespace: 'shop', name: 'cart-6b7f9', observed: false, pods: 2, serviceAccount: 'default',
      containers: [{ name: 'cart', image: 'example.com/cart:1', kind: 'app', privileged: false }],
    }]);
    assert.equal(inventory.clusters[0]?.counts.pods, 2);
  });

  it('follows a chain whose middle link was read but whose top was not', () => {
    const replicaSet: K8sObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'cart-6b7f9', namespace: 'shop', ownerReferences: [{ kind: 'Deployment', name: 'cart', controller: true }] },
      spec: { replicas: 2, template: { spec: { containers: [{ name: 'cart', image: 'example.com/cart:1' }] } } },
    };
    const pod: K8sObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'cart-6b7f9-aaaaa', namespace: 'shop', ownerReferences: [{ kind: 'ReplicaSet', name: 'cart-6b7f9', controller: true }] },
      spec: { containers: [{ name: 'cart', image: 'example.com/cart:1' }] },
    };
    const inventory = collect([pod, replicaSet]);
    assert.deepEqual(inventory.workloads.map((workload) => [workload.kind, workload.name, workload.observed, workload.pods]), [['Deployment', 'cart', false, 1]]);
  });

  it('reads each kind from its own API group only', () => {
    const knative: K8sObject = { apiVersion: 'serving.knative.dev/v1', kind: 'Service', metadata: { name: 'hello', namespace: 'apps' }, spec: { template: { spec: { containers: [{ image: 'x' }] } } } };
    const crd: K8sObject = { apiVersion: 'example.com/v1', kind: 'Deployment', metadata: { name: 'fake', namespace: 'apps' }, spec: { template: { spec: { containers: [{ image: 'x' }] } } } };
    const inventory = collect([knative, crd]);
    assert.deepEqual([inventory.services, inventory.workloads], [[], []]);
  });

  it('survives fields of the wrong type', () => {
    const malformed: K8sObject[] = [
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'x' }, spec: { type: 7, ports: 'all', selector: ['app'], externalIPs: 'x' } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'x' }, spec: { rules: [null, { http: { paths: 'x' } }], tls: [{ hosts: 'a' }] } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b', namespace: 'x' }, roleRef: 'admin', subjects: [{ kind: 'User' }] },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'c' }, roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'no-namespace' }, 'x'] },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', labels: 'x' as never }, status: { conditions: 'ready', nodeInfo: [] } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'x' }, spec: { replicas: '3', template: { spec: { containers: [{ name: 1, image: 2 }, 'x'] } } } },
      { apiVersion: 'v1', kind: 'Secret' },
    ];
    const inventory = collect(malformed);
    assert.deepEqual(inventory.workloads.map((workload) => [workload.name, workload.replicas, workload.containers]), [['d', 1, [{ name: '', image: '', kind: 'app', privileged: false }]]]);
    assert.deepEqual(inventory.subjects, []);
    assert.deepEqual(inventory.services.map((service) => [service.type, service.ports, service.selector, service.exposed]), [['ClusterIP', [], {}, false]]);
    assert.deepEqual(inventory.ingresses.map((ingress) => [ingress.hosts, ingress.rules]), [[[{ host: '*', tls: true }], []]]);
    assert.deepEqual(inventory.nodes, [{ cluster: 'lab', name: 'n', roles: [] }]);
  });
});

describe('AssetCollector memory', () => {
  it('keeps summaries, not objects: 10,000 pods of 10 kB each leave a few megabytes behind', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const collector = new AssetCollector();
    collector.addCluster(LAB);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let index = 0; index < 10_000; index += 1) {
      const replicaSet = `app-${index % 100}-5d8f7`;
      collector.add({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${replicaSet}-${index}`,
          namespace: `team-${index % 20}`,
          labels: { app: `app-${index % 100}` },
          annotations: { 'example.com/blob': randomBytes(5_000).toString('hex') },
          ownerReferences: [{ kind: 'ReplicaSet', name: replicaSet, controller: true }],
        },
        spec: { containers: [{ name: 'app', image: `registry.example.com/app-${index % 100}:1.0.${index}` }] },
      }, { cluster: 'lab' });
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    const inventory = collector.result();
    assert.equal(inventory.clusters[0]?.counts.pods, 10_000);
    assert.equal(inventory.workloads.length, 100);
    assert.equal(inventory.workloads.reduce((sum, workload) => sum + workload.pods, 0), 10_000);
    assert.ok(grown < 8 * 1024 * 1024, `the collector grew the heap by ${(grown / 1024 / 1024).toFixed(1)} MiB`);
  });
});

describe('AssetCollector on hostile kinds', () => {
  it('ignores kinds named after Object.prototype members instead of crashing', () => {
    const collector = new AssetCollector();
    for (const kind of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      collector.add({ apiVersion: 'v1', kind, metadata: { name: 'x', namespace: 'shop' } }, { file: 'hostile.yaml' });
    }
    const inventory = collector.result();
    assert.deepEqual([inventory.workloads.length, inventory.services.length, inventory.namespaces.length], [0, 0, 0]);
  });
});
