import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attackGraphOf } from './attack-graph.js';
import { findAttackPaths } from './attack-paths.js';
import { assessRisk } from './assess.js';
import { riskContextOf, type RiskInput } from './context.js';
import { findingIds } from './finding-ids.js';
import type { K8sObject } from '../model/k8s.js';
import type { Finding } from '../model/finding.js';
import { clusterAdmin, deployment, finding, ingress, inventoryOf, namespace, objects, scanned, secretsReader, vulnerability } from './testing.js';

const IMAGES = new Map([scanned('registry.example/web:1', [vulnerability('CVE-2024-1234', 'CRITICAL', '3.0.13-1')])]);

function pathsOf(estate: K8sObject[], findings: Finding[] = [], options = {}) {
  const input: RiskInput = { findings, inventory: inventoryOf(estate, IMAGES) };
  return findAttackPaths(attackGraphOf(riskContextOf(input)), options);
}

const SHOP = [namespace('shop', true), deployment('shop', 'web', { serviceAccount: 'web' }), ingress('shop', 'web'), secretsReader('shop', 'web')];

const SAME_NAMESPACE_ONLY = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: same-namespace, namespace: shop }
spec: { podSelector: {}, policyTypes: [Ingress], ingress: [{ from: [{ podSelector: {} }] }] }
`;

const FROM_INGRESS_NGINX = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: from-ingress-nginx, namespace: shop }
spec: { podSelector: {}, policyTypes: [Ingress], ingress: [{ from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ingress-nginx } } }] }] }
`;

describe('attack paths', () => {
  it('follows internet -> Ingress -> vulnerable workload -> service account -> Secrets of a sensitive namespace, step by step', () => {
    const findings = [finding('image-critical-vulnerabilities', 'critical', 'Deployment shop/web', 'spec.template.spec.containers[0].image')];
    const [path, ...rest] = pathsOf(objects(SHOP.join('\n---\n')), findings);
    assert.equal(rest.length, 0);
    assert.equal(path!.text, 'internet -> Ingress shop/web -> Deployment shop/web (critical CVE-2024-1234 in openssl 3.0.11-1) -> ServiceAccount shop/web -> can read secrets in namespace shop');
    assert.deepEqual(path!.steps.map((step) => step.kind), ['exposes', 'routes-to', 'runs-as', 'reads-secrets']);
    assert.deepEqual(path!.steps[1]!.findingIds, findingIds(findings));
    assert.match(path!.steps[1]!.evidence, /through Service shop\/web to Deployment shop\/web; no NetworkPolicy isolates its pods for ingress/);
    assert.match(path!.steps[3]!.evidence, /Role shop\/web-secrets through RoleBinding shop\/web-secrets/);
  });

  it('finds no path once a NetworkPolicy keeps the ingress proxy out', () => {
    assert.deepEqual(pathsOf(objects([...SHOP, SAME_NAMESPACE_ONLY].join('\n---\n'))), []);
  });

  it('keeps the path when the policy admits the proxy namespace', () => {
    const [path] = pathsOf(objects([...SHOP, FROM_INGRESS_NGINX].join('\n---\n')));
    assert.match(path!.steps[1]!.evidence, /NetworkPolicy shop\/from-ingress-nginx admits pods of other namespaces/);
  });

  it('finds no path to Secrets of a namespace that is not sensitive', () => {
    assert.deepEqual(pathsOf(objects([namespace('shop'), deployment('shop', 'web', { serviceAccount: 'web' }), ingress('shop', 'web'), secretsReader('shop', 'web')].join('\n---\n'))), []);
  });

  it('finds lateral paths: a workload that can connect to a privileged pod, which owns its node', () => {
    const estate = objects([namespace('shop'), namespace('ops'), deployment('shop', 'cart'), deployment('ops', 'node-agent')].join('\n---\n'));
    const findings = [finding('pss-privileged', 'critical', 'Deployment ops/node-agent', 'spec.template.spec.containers[0].securityContext.privileged')];
    const paths = pathsOf(estate, findings);
    assert.deepEqual(paths.map((path) => [path.origin, path.text]), [['workload', 'Deployment shop/cart -> Deployment ops/node-agent -> root on a node']]);
    assert.deepEqual(paths[0]!.steps[1]!.findingIds, findingIds(findings));
    assert.match(paths[0]!.steps[0]!.evidence, /no NetworkPolicy isolates the destination for ingress/);
  });

  it('ranks cluster-admin above Secrets, then shorter paths first', () => {
    const estate = objects([...SHOP, deployment('ops', 'deployer', { serviceAccount: 'deployer' }), ingress('ops', 'deployer'), clusterAdmin('ops', 'deployer')].join('\n---\n'));
    const paths = pathsOf(estate).filter((path) => path.origin === 'internet');
    // cluster-admin ends the game; every namespace's Secrets come next, then one namespace's. Within a target the
    // direct route beats the one that first hops through shop/web's network access.
    assert.deepEqual(paths.map((path) => [path.target, path.steps.length]), [
      ['cluster-admin', 4], ['cluster-admin', 5], ['secrets:*', 4], ['secrets:*', 5], ['secrets:shop', 4], ['secrets:shop', 5],
    ]);
    assert.equal(paths[1]!.text, 'internet -> Ingress shop/web -> Deployment shop/web (critical CVE-2024-1234 in openssl 3.0.11-1) -> Deployment ops/deployer -> ServiceAccount ops/deployer -> cluster-admin');
    assert.equal(paths[0]!.text, 'internet -> Ingress ops/deployer -> Deployment ops/deployer -> ServiceAccount ops/deployer -> cluster-admin');
  });

  it('handles cycles and bounds the number of paths', () => {
    // Every workload can reach every other (no policies): the network part of the graph is a clique of cycles.
    const many = Array.from({ length: 30 }, (_, index) => [deployment('shop', `web-${index}`, { serviceAccount: `web-${index}` }), ingress('shop', `web-${index}`), secretsReader('shop', `web-${index}`)].join('\n---\n'));
    const estate = objects([...SHOP, ...many].join('\n---\n'));
    const paths = pathsOf(estate, [], { maxPaths: 10 });
    assert.equal(paths.length, 10);
    for (const path of paths) assert.equal(new Set([path.steps[0]!.from, ...path.steps.map((step) => step.to)]).size, path.steps.length + 1, 'no node twice');
  });

  it('gives the same paths whatever order the objects come in', () => {
    const estate = objects([...SHOP, deployment('ops', 'deployer', { serviceAccount: 'deployer' }), ingress('ops', 'deployer'), clusterAdmin('ops', 'deployer')].join('\n---\n'));
    assert.deepEqual(pathsOf([...estate].reverse()), pathsOf(estate));
  });
});

describe('risk engine at scale', () => {
  it('scores and searches 2,000 workloads', () => {
    const parts = [namespace('shop', true), secretsReader('shop', 'web'), clusterAdmin('ops', 'deployer')];
    for (let index = 0; index < 2000; index++) {
      // Every hundredth workload runs as a cluster-admin service account; every tenth is behind an Ingress.
      const ns = index % 100 === 0 ? 'ops' : `team-${index % 40}`;
      parts.push(deployment(ns, `app-${index}`, { serviceAccount: index % 100 === 0 ? 'deployer' : 'default', replicas: 1 + (index % 5) }));
      if (index % 10 === 0) parts.push(ingress(ns, `app-${index}`));
    }
    const estate = objects(parts.join('\n---\n'));
    const findings = estate.filter((object) => object.kind === 'Deployment').map((object) => finding('resources-missing-limits', 'medium', `Deployment ${object.metadata!.namespace}/${object.metadata!.name}`));
    const started = performance.now();
    const input: RiskInput = { findings, inventory: inventoryOf(estate) };
    const context = riskContextOf(input);
    const assessment = assessRisk(input, context);
    const paths = findAttackPaths(attackGraphOf(context));
    const elapsed = performance.now() - started;
    process.stdout.write(`# risk engine: ${findings.length} findings, 2000 workloads, ${paths.length} paths in ${elapsed.toFixed(0)} ms\n`);
    assert.equal(assessment.findings.length, 2000);
    assert.equal(assessment.workloads.length, 2000);
    // All twenty ops workloads share one service account, which at most routesPerNode (3) paths pass through.
    assert.equal(paths.filter((path) => path.origin === 'internet' && path.target === 'cluster-admin').length, 3);
    assert.equal(paths[0]!.target, 'cluster-admin');
  });
});
