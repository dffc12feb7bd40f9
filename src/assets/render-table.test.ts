import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AssetCollector } from './collector.js';
import { estateObjects, LAB, SECRET_VALUES } from './fixtures.js';
import type { AssetInventory, WorkloadAsset } from './model.js';
import { renderInventoryTable } from './render-table.js';

function estateInventory(): AssetInventory {
  const collector = new AssetCollector();
  collector.addCluster(LAB);
  for (const object of estateObjects()) collector.add(object, { cluster: 'lab' });
  return collector.result();
}

const ANSI = /\u001b\[[0-9;]*m/g;

function emptyInventory(): AssetInventory {
  return new AssetCollector().result();
}

function workload(name: string, image: string, cluster?: string): WorkloadAsset {
  return { ...(cluster ? { cluster } : {}), kind: 'Deployment', namespace: 'apps', name, observed: true, replicas: 1, pods: 0, serviceAccount: 'default', containers: [{ name: 'app', image, kind: 'app', privileged: false }] };
}

describe('renderInventoryTable', () => {
  const inventory = estateInventory();
  const wide = renderInventoryTable(inventory, { color: false, width: 200 });

  it('has one titled section per asset type, with its count', () => {
    const headings = wide.split('\n').filter((line) => /^[A-Z][A-Z ]+ {2}\d+ /.test(line));
    assert.deepEqual(headings, [
      'CLUSTERS  1 cluster', 'NODES  2 nodes', 'NAMESPACES  4 namespaces', 'WORKLOADS  6 workloads', 'IMAGES  8 images', 'REGISTRIES  4 registries',
      'SERVICE ACCOUNTS  8 service accounts', 'RBAC SUBJECTS  6 subjects', 'SERVICES  6 services', 'INGRESSES  2 ingresses', 'SECRETS  3 secrets',
    ]);
  });

  it('shows the key row of every section, in aligned columns', () => {
    const rows = [
      /^ {2}lab +v1\.31\.1 +kubeadm\/unknown +2 +4 +6 +9 +https:\/\/192\.168\.10\.11:6443$/,
      /^ {2}win-1 +windows-worker +no +v1\.31\.1 +Standard_D4s_v5 +windows\/amd64, Windows Server 2022 Datacenter, kernel 10\.0\.20348\.2582, containerd:\/\/1\.6\.28$/,
      /^ {2}shop +baseline +restricted +restricted +4$/,
      /^ {2}monitoring +DaemonSet +node-exporter +2\/2 +node-exporter +node-exporter=quay\.io\/prometheus\/node-exporter:v1\.8\.2 \[privileged\]$/,
      /^ {2}shop +Deployment +web +3\/3 +web +init:migrate=ghcr\.io\/acme\/web-migrate:2\.4\.1$/,
      /^ {2}ghcr\.io +acme\/report +- +sha256:4f1c3e3b9a2d +CronJob shop\/nightly-report$/,
      /^ {2}docker\.io +3 +3$/,
      /^ {2}shop +report-writer \(missing\) +unset +CronJob shop\/nightly-report$/,
      /^ {2}User +- +alice@example\.com +ClusterRole cluster-admin$/,
      /^ {2}shop +web-public +LoadBalancer +yes +10\.96\.40\.1 +443:31443\/TCP +Deployment shop\/web$/,
      /^ {2}shop +status +nginx +status\.example\.com +no +\/health +status-page:8080 +-$/,
      /^ {2}shop +storefront-tls +kubernetes\.io\/tls$/,
    ];
    const lines = wide.split('\n');
    for (const row of rows) assert.ok(lines.some((line) => row.test(line)), `no line matches ${row}`);
    const table = lines.slice(lines.indexOf('WORKLOADS  6 workloads') + 2, lines.indexOf('WORKLOADS  6 workloads') + 12);
    const column = (header: string) => table[0]!.indexOf(header);
    const web = table.findIndex((line) => line.includes('Deployment'));
    assert.equal(table[web]!.indexOf('init:migrate'), column('CONTAINERS'));
    assert.equal(table[web + 1]!.trim(), 'web=ghcr.io/acme/web:2.4.1', 'each container on a line of its own');
    assert.equal(table[web + 1]!.indexOf('web='), column('CONTAINERS'));
  });

  it('shows the load balancer address under the cluster IP', () => {
    const lines = wide.split('\n');
    const row = lines.findIndex((line) => line.includes('web-public'));
    assert.equal(lines[row + 1]!.trim(), 'lb 203.0.113.10');
  });

  it('never shows the data of a secret', () => {
    for (const value of [...SECRET_VALUES, 'tls.key']) assert.ok(!wide.includes(value), `${value} leaked into the table`);
  });

  it('keeps every line within the width it is given, wrapping cells in their columns', () => {
    for (const width of [100, 80]) {
      const text = renderInventoryTable(inventory, { color: false, width });
      const long = text.split('\n').filter((line) => line.length > width);
      assert.deepEqual(long, [], `lines wider than ${width}`);
    }
  });

  it('colours only when asked, and the colours add nothing but escapes', () => {
    assert.doesNotMatch(wide, ANSI);
    const coloured = renderInventoryTable(inventory, { color: true, width: 200 });
    assert.match(coloured, ANSI);
    assert.equal(coloured.replace(ANSI, ''), wide);
  });

  it('strips control characters and direction overrides that objects bring', () => {
    const hostile: AssetInventory = {
      ...emptyInventory(),
      workloads: [workload('web\u202Eexe.sh', 'evil\u001b]0;pwned\u0007:1\u001b[2J')],
      secrets: [{ namespace: 'apps', name: 'a\rb\nc', type: 'Opaque\u0000' }],
    };
    const text = renderInventoryTable(hostile, { color: false });
    assert.doesNotMatch(text, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    assert.match(text, /webexe\.sh/);
    assert.match(text, /app=evil\]0;pwned:1\[2J/);
    assert.match(text, /apps +a b c +Opaque/);
  });

  it('cuts long lists inside a cell short, saying how many were left out', () => {
    const users = Array.from({ length: 8 }, (_, index) => workload(`app-${index}`, 'nginx:1.27'));
    const text = renderInventoryTable({ ...emptyInventory(), images: [{ reference: 'docker.io/library/nginx:1.27', registry: 'docker.io', repository: 'library/nginx', tag: '1.27', workloads: users.map(({ kind, namespace, name }) => ({ kind, namespace: namespace!, name })) }] }, { color: false, width: 200 });
    const lines = text.split('\n');
    const first = lines.findIndex((line) => line.includes('Deployment apps/app-0'));
    assert.deepEqual(lines.slice(first + 1, first + 6).map((line) => line.trim()), ['Deployment apps/app-1', 'Deployment apps/app-2', 'Deployment apps/app-3', 'Deployment apps/app-4', '... and 3 more']);
  });

  it('adds a CLUSTER column to sections whose rows come from more than one cluster', () => {
    const two = { ...emptyInventory(), workloads: [workload('web', 'nginx', 'blue'), workload('web', 'nginx', 'green')] };
    const text = renderInventoryTable(two, { color: false, width: 200 });
    assert.match(text, /^ {2}CLUSTER +NAMESPACE +KIND +NAME/m);
    assert.match(text, /^ {2}green +apps +Deployment +web/m);
    assert.doesNotMatch(wide, /CLUSTER +/);
  });

  it('says none for an empty section', () => {
    const text = renderInventoryTable(emptyInventory(), { color: false });
    assert.equal(text.split('\n').filter((line) => line === '  none').length, 11);
  });

  it('shows running of desired pods for a cluster, and only the replicas asked for in a manifest', () => {
    const inCluster = { ...workload('web', 'nginx', 'blue'), replicas: 3, pods: 2 };
    const inFile = { ...workload('api', 'nginx'), replicas: 3, pods: 0 };
    const text = renderInventoryTable({ ...emptyInventory(), workloads: [inCluster, inFile] }, { color: false, width: 200 });
    assert.match(text, /^ {2}blue +apps +Deployment +web +2\/3 /m);
    assert.match(text, /^ {2}- +apps +Deployment +api +3 /m);
  });
});
