/** `kspm network suggest` as users run it: YAML that kspm scan reads as NetworkPolicies and kspm network explain obeys. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { kspm } from './helpers/cli.js';

const WORKLOADS = `
apiVersion: v1
kind: Namespace
metadata: {name: shop}
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
spec: {template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db, image: db:1, ports: [{containerPort: 5432}]}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: v1
kind: Pod
metadata: {name: toolbox, namespace: ops}
spec: {containers: [{name: sh, image: busybox:1.36}]}
---
apiVersion: v1
kind: Pod
metadata: {name: stranger, namespace: elsewhere}
spec: {containers: [{name: sh, image: busybox:1.36}]}
`;

/** Replaced by the suggestion: it lets everything into shop. */
const OLD_POLICY = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-all, namespace: shop}
spec: {podSelector: {}, ingress: [{}]}
`;

describe('kspm network suggest', () => {
  let dir: string;
  let input: string;
  let applied: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kspm-suggest-'));
    input = join(dir, 'input');
    applied = join(dir, 'applied');
    mkdirSync(input);
    mkdirSync(applied);
    writeFileSync(join(input, 'workloads.yaml'), WORKLOADS);
    writeFileSync(join(input, 'policy.yaml'), OLD_POLICY);
    writeFileSync(join(applied, 'workloads.yaml'), WORKLOADS);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints checked policies that kspm scan reads as valid NetworkPolicies and explain obeys', () => {
    const suggested = kspm(['network', 'suggest', '-n', 'shop', '--allow-from', 'ops,reports', '-f', input]);
    assert.equal(suggested.status, 0, suggested.stderr);
    assert.match(suggested.stdout, /^# NetworkPolicies for namespace shop, suggested by kspm\n# checked by kspm: \d+ flows allowed, \d+ denied\n/);
    assert.match(suggested.stdout, /# note: namespace reports was not read: a probe pod stands in for its pods in the check/);
    writeFileSync(join(applied, 'suggested.yaml'), suggested.stdout);

    const scanned = kspm(['scan', join(applied, 'suggested.yaml'), '-o', 'json']);
    assert.equal(scanned.status, 0, scanned.stderr);
    const report = JSON.parse(scanned.stdout) as { errors: unknown[]; resources: { kind: string; namespace: string; name: string }[] };
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.resources.map((each) => `${each.kind} ${each.namespace}/${each.name}`), [
      'NetworkPolicy shop/default-deny',
      'NetworkPolicy shop/allow-dns-egress',
      'NetworkPolicy shop/allow-egress-to-services',
      'NetworkPolicy shop/allow-db-ingress',
      'NetworkPolicy shop/allow-web-ingress',
    ]);

    const explain = (from: string, to: string, port?: string) => kspm(['network', 'explain', from, to, ...(port ? ['--port', port] : []), '-f', applied]);
    const fromOps = explain('ops/toolbox', 'shop/web', '8080');
    assert.equal(fromOps.status, 0, fromOps.stdout);
    assert.match(fromOps.stdout, /NetworkPolicy shop\/allow-web-ingress ingress rule 0 allows TCP 8080/);
    assert.equal(explain('ops/toolbox', 'shop/web', '22').status, 1, 'only the target port is open');
    assert.equal(explain('shop/web', 'shop/db', '5432').status, 0);
    const stranger = explain('elsewhere/stranger', 'shop/db', '5432');
    assert.equal(stranger.status, 1);
    assert.match(stranger.stdout, /none of their ingress rules matches the source/);
    assert.equal(explain('shop/web', 'internet').status, 1);
    assert.equal(explain('shop/db', 'ops/toolbox').status, 1, 'nothing leaves shop but DNS and calls to its own Services');
  });

  it('needs -n naming a namespace that was read', () => {
    assert.equal(kspm(['network', 'suggest', '-f', input]).status, 2);
    const unknown = kspm(['network', 'suggest', '-n', 'nowhere', '-f', input]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no namespace "nowhere" was read/);
  });
});
