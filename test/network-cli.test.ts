/** `kspm network matrix` and `kspm network explain` as users run them, on manifests. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { kspm } from './helpers/cli.js';

const ESTATE = `
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: shop}}
---
apiVersion: v1
kind: Namespace
metadata: {name: ops}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: web:1, ports: [{name: http, containerPort: 8080}]}]}}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec: {template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db, image: db:1, ports: [{name: pg, containerPort: 5432}]}]}}}
---
apiVersion: v1
kind: Pod
metadata: {name: toolbox, namespace: ops, labels: {app: toolbox}}
spec: {containers: [{name: sh, image: busybox:1.36}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-from-web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: pg}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-out, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
    - to: [{podSelector: {matchLabels: {app: db}}}]
    - to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{port: 53, protocol: UDP}]
`;

describe('kspm network', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kspm-network-'));
    writeFileSync(join(dir, 'estate.yaml'), ESTATE);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('explain says allowed or denied, with the policies and rules of each side, and exits 0 or 1', () => {
    const allowed = kspm(['network', 'explain', 'shop/web', 'shop/db', '--port', '5432', '-f', dir]);
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.match(allowed.stdout, /^Deployment shop\/web -> StatefulSet shop\/db on TCP 5432: ALLOWED/);
    assert.match(allowed.stdout, /NetworkPolicy shop\/db-from-web ingress rule 0 allows TCP 5432/);
    const denied = kspm(['network', 'explain', 'ops/toolbox', 'shop/db', '--port', '5432', '-f', dir, '-o', 'json']);
    assert.equal(denied.status, 1);
    const answer = JSON.parse(denied.stdout) as { allowed: boolean; reasons: string[] };
    assert.equal(answer.allowed, false);
    assert.ok(answer.reasons.some((reason) => /no NetworkPolicy selects Pod ops\/toolbox for egress/.test(reason)));
    assert.ok(answer.reasons.some((reason) => /none of their ingress rules matches the source/.test(reason)));
    assert.equal(kspm(['network', 'explain', 'shop/web', 'internet', '-f', dir]).status, 1, 'web may reach only db and DNS');
    assert.equal(kspm(['network', 'explain', 'ops/toolbox', 'internet', '-f', dir]).status, 0);
    const wrong = kspm(['network', 'explain', 'shop/nope', 'shop/db', '-f', dir]);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /no workload shop\/nope/);
    assert.match(kspm(['network', 'explain', 'shop/web', 'shop/db', '--port', '80/ICMP', '-f', dir]).stderr, /invalid --port "80\/ICMP"/);
  });

  it('matrix lists what each group may reach, in every format', () => {
    const table = kspm(['network', 'matrix', '-f', dir]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /shop\/app=web\n {4}-> shop\/app=db: TCP 5432\n/);
    const json = JSON.parse(kspm(['network', 'matrix', '-f', dir, '-o', 'json']).stdout) as { edges: { from: string; to: string; ports: string }[] };
    const fromWeb = json.edges.filter((edge) => edge.from === 'shop/app=web').map((edge) => `${edge.to} ${edge.ports}`);
    assert.deepEqual(fromWeb, ['shop/app=db TCP 5432']);
    assert.ok(json.edges.some((edge) => edge.from === 'ops/app=toolbox' && edge.to === 'internet' && edge.ports === 'all ports'));
    assert.match(kspm(['network', 'matrix', '-f', dir, '-o', 'dot']).stdout, /^digraph reachability \{[\s\S]*"shop\/app=web" -> "shop\/app=db" \[label="TCP 5432"\];/);
    assert.match(kspm(['network', 'matrix', '-f', dir, '-o', 'mermaid']).stdout, /^flowchart LR\n[\s\S]*-->\|"TCP 5432"\|/);
    const onlyOps = JSON.parse(kspm(['network', 'matrix', '-f', dir, '-n', 'ops', '-o', 'json']).stdout) as { groups: { id: string }[] };
    assert.deepEqual(onlyOps.groups.map((group) => group.id), ['ops/app=toolbox']);
  });

  it('exposure lists the workloads reachable from outside the cluster, and how', () => {
    const withExposure = join(dir, 'exposed');
    mkdirSync(withExposure);
    writeFileSync(join(withExposure, 'estate.yaml'), `${ESTATE}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 443, targetPort: http}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec: {rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 443}}}}]}}]}
`);
    const table = kspm(['network', 'exposure', '-f', withExposure]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /^1 workload reachable from outside the cluster \(1 from the internet\)/);
    assert.match(table.stdout, /Deployment shop\/web\n {4}LoadBalancer: Service shop\/web/);
    assert.match(table.stdout, /Ingress, no TLS: Ingress web/);
    const json = JSON.parse(kspm(['network', 'exposure', '-f', withExposure, '-o', 'json']).stdout) as { workloads: { workload: { name: string }; internetFacing: boolean; exposures: { via: string }[] }[] };
    assert.deepEqual(json.workloads.map((entry) => [entry.workload.name, entry.internetFacing, entry.exposures.map((exposure) => exposure.via).sort()]), [['web', true, ['Ingress', 'LoadBalancer', 'NodePort']]]);
  });
});
