import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from '../model/k8s.js';
import { describeEndpoint } from './explain.js';
import { checkSuggestion, describeFlow, type FlowCheck } from './suggest-check.js';
import { serviceIntents, suggestPolicies, type Intent } from './suggest.js';
import { suggestionYaml } from './suggest-yaml.js';

const namespace = (name: string): K8sObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

function deployment(ns: string, name: string, labels: Record<string, string>, ports: Record<string, unknown>[] = [], kind = 'Deployment'): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace: ns },
    spec: { template: { metadata: { labels }, spec: { containers: [{ name, image: `${name}:1`, ports }] } } },
  };
}

function service(ns: string, name: string, spec: Record<string, unknown>): K8sObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec };
}

function policy(ns: string, name: string, spec: Record<string, unknown>): K8sObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}

/** shop: web (named port http) and db (numeric port) behind Services, a worker behind none, and a policy that allows everything. */
const SHOP: K8sObject[] = [
  namespace('shop'), namespace('partners'), namespace('reports'), namespace('other'), namespace('kube-system'),
  deployment('shop', 'web', { app: 'web', tier: 'front' }, [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }]),
  deployment('shop', 'db', { app: 'db' }, [{ name: 'pg', containerPort: 5432 }], 'StatefulSet'),
  deployment('shop', 'worker', { app: 'worker' }),
  service('shop', 'web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }),
  service('shop', 'db', { selector: { app: 'db' }, ports: [{ port: 5432 }] }),
  service('shop', 'legacy', { ports: [{ port: 443, targetPort: 8443 }] }),
  policy('shop', 'allow-all', { podSelector: {}, ingress: [{}], egress: [{}], policyTypes: ['Ingress', 'Egress'] }),
  deployment('partners', 'portal', { app: 'portal' }),
  deployment('other', 'intruder', { app: 'intruder' }),
  deployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53 }]),
];

const OPTIONS = { namespace: 'shop', allowFrom: ['partners', 'reports'] };

const byName = (policies: K8sObject[], name: string) => policies.find((each) => each.metadata?.name === name);
const flowsFrom = (flows: FlowCheck[], from: string) => flows.filter((flow) => describeEndpoint(flow.from) === from);

describe('suggestPolicies', () => {
  it('writes default deny, DNS egress, egress to the Services and ingress to each on its target ports, all labelled', () => {
    const { policies } = suggestPolicies(SHOP, OPTIONS);
    assert.deepEqual(policies.map((each) => each.metadata?.name), ['default-deny', 'allow-dns-egress', 'allow-egress-to-services', 'allow-db-ingress', 'allow-web-ingress']);
    for (const each of policies) {
      assert.equal(each.metadata?.namespace, 'shop');
      assert.deepEqual(each.metadata?.labels, { 'kspm.io/generated-by': 'kspm' });
    }
    assert.deepEqual(byName(policies, 'default-deny')?.spec, { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    assert.deepEqual(byName(policies, 'allow-dns-egress')?.spec, {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
      }],
    });
    assert.deepEqual(byName(policies, 'allow-web-ingress')?.spec, {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Ingress'],
      ingress: [{
        from: [{ podSelector: {} }, { namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['partners', 'reports'] } ] } }],
        ports: [{ protocol: 'TCP', port: 'http' }],
      }],
    });
    assert.deepEqual((byName(policies, 'allow-db-ingress')?.spec as { ingress: { ports: unknown }[] }).ingress[0]!.ports, [{ protocol: 'TCP', port: 5432 }]);
    assert.deepEqual(byName(policies, 'allow-egress-to-services')?.spec, {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        { to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
        { to: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 'http' }] },
      ],
    });
  });

  it('checks every named flow allowed and everything else denied, with a probe for an allowed namespace without pods', () => {
    const { check, notes } = suggestPolicies(SHOP, OPTIONS);
    assert.deepEqual(check.failures, []);
    // 3 shop workloads to db and web (6), and to kube-dns on UDP and TCP 53 (6); partners and the reports probe to db and web (4).
    assert.equal(check.allowed.length, 16);
    // shop to shop (9), to kube-dns beyond 53 (3), to partners, reports, other and elsewhere (12), to the internet (3);
    // into shop from partners and reports beyond the Service ports (6), from other, kube-system and elsewhere (9), from the internet (3).
    assert.equal(check.denied.length, 45);
    const fromReports = flowsFrom(check.allowed, 'Probe reports/kspm-probe');
    assert.deepEqual(fromReports.map((flow) => describeEndpoint(flow.to)).sort(), ['Deployment shop/web', 'StatefulSet shop/db']);
    assert.ok(flowsFrom(check.denied, 'Deployment other/intruder').length === 3);
    assert.ok(flowsFrom(check.denied, 'Probe kspm-probe-elsewhere/kspm-probe').length === 3);
    assert.deepEqual(notes, ['Service shop/legacy has no selector (its endpoints are managed by hand), so no policy can select its pods']);
  });

  it('writes YAML documents that read back as the policies, headed by what was checked', () => {
    const suggestion = suggestPolicies(SHOP, OPTIONS);
    const text = suggestionYaml(suggestion, 'shop');
    assert.match(text, /^# NetworkPolicies for namespace shop, suggested by kspm\n# checked by kspm: 16 flows allowed, 45 denied\n# note: Service shop\/legacy has no selector/);
    const documents = parseAllDocuments(text);
    assert.ok(Array.isArray(documents));
    assert.deepEqual(documents.map((document) => document.toJS() as unknown), suggestion.policies);
  });

  it('notes what other namespaces must allow, target port names a pod lacks, Services selecting nothing, and a missing kube-dns', () => {
    const objects: K8sObject[] = [
      namespace('shop'), namespace('partners'),
      deployment('shop', 'web', { app: 'web' }, [{ name: 'web', containerPort: 8080 }]),
      service('shop', 'web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }, { port: 81, targetPort: 8081 }] }),
      service('shop', 'ghost', { selector: { app: 'ghost' }, ports: [{ port: 80 }] }),
      deployment('partners', 'portal', { app: 'portal' }),
      policy('partners', 'no-egress', { podSelector: {}, policyTypes: ['Egress'] }),
    ];
    const { check, notes } = suggestPolicies(objects, { namespace: 'shop', allowFrom: ['partners', 'shop', 'partners'] });
    assert.deepEqual(check.failures, []);
    assert.deepEqual(notes, [
      'Service shop/ghost selects no workload that was read: its policy is not checked against a pod',
      'Service shop/web targets port "http" (TCP), which Deployment shop/web does not name: that flow is not checked',
      'the policies of namespace partners do not let Deployment partners/portal out to namespace shop on TCP 8081: allow that egress there too',
    ]);
    assert.deepEqual(flowsFrom(check.allowed, 'Deployment shop/web').map((flow) => describeEndpoint(flow.to)), ['Deployment shop/web', 'Probe kube-system/kube-dns', 'Probe kube-system/kube-dns']);
  });

  it('leaves out ExternalName Services and ports of protocols policies cannot name', () => {
    const notes: string[] = [];
    const objects = [
      service('shop', 'away', { type: 'ExternalName', externalName: 'db.example.com' }),
      service('shop', 'mixed', { selector: { app: 'mixed' }, ports: [{ port: 80, protocol: 'HTTP' }, { port: 53, protocol: 'UDP' }, { port: 54, protocol: 'UDP', targetPort: 53 }] }),
    ];
    assert.deepEqual(serviceIntents(objects, 'shop', notes), [{ name: 'mixed', selector: { app: 'mixed' }, ports: [{ protocol: 'UDP', port: 53 }] }]);
    assert.deepEqual(notes, [
      'Service shop/away is an ExternalName: it has no pods here to allow traffic into',
      'Service shop/mixed port 80 has protocol HTTP, which NetworkPolicies cannot name; it is left out',
    ]);
  });
});

describe('checkSuggestion', () => {
  const intent: Intent = {
    namespace: 'shop',
    allowFrom: ['partners', 'reports'],
    services: [{ name: 'db', selector: { app: 'db' }, ports: [{ protocol: 'TCP', port: 5432 }] }, { name: 'web', selector: { app: 'web' }, ports: [{ protocol: 'TCP', port: 'http' }] }],
  };
  const { policies } = suggestPolicies(SHOP, OPTIONS);
  const replaced = (name: string, spec: Record<string, unknown>) => policies.map((each) => (each.metadata?.name === name ? { ...each, spec } : each));

  it('passes the suggestion it was written for', () => {
    assert.deepEqual(checkSuggestion(SHOP, intent, policies).failures, []);
  });

  it('catches ingress open to every namespace', () => {
    const broken = replaced('allow-web-ingress', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 'http' }] }] });
    const failures = checkSuggestion(SHOP, intent, broken).failures.map(describeFlow);
    assert.deepEqual(failures, [
      'Deployment other/intruder -> Deployment shop/web should be denied, but the namespace\'s policies allow TCP 8080',
      'Deployment kube-system/coredns -> Deployment shop/web should be denied, but the namespace\'s policies allow TCP 8080',
      'Probe kspm-probe-elsewhere/kspm-probe -> Deployment shop/web should be denied, but the namespace\'s policies allow TCP 8080',
    ]);
  });

  it('catches a missing allowance, an extra port, and egress to the internet', () => {
    const withoutEgress = policies.filter((each) => each.metadata?.name !== 'allow-egress-to-services');
    const missing = checkSuggestion(SHOP, intent, withoutEgress).failures.map(describeFlow);
    assert.equal(missing.length, 6);
    assert.ok(missing.includes('Deployment shop/worker -> StatefulSet shop/db should be allowed on TCP 5432, but the namespace\'s policies allow no ports'));

    const extraPort = replaced('allow-db-ingress', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: {} }, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'partners' } } }], ports: [{ port: 5432 }, { port: 22 }] }] });
    const extra = checkSuggestion(SHOP, intent, extraPort).failures.map(describeFlow);
    assert.ok(extra.includes('Deployment partners/portal -> StatefulSet shop/db should be allowed on TCP 5432 only, but the namespace\'s policies allow TCP 22, 5432'));
    assert.ok(extra.includes('Probe reports/kspm-probe -> StatefulSet shop/db should be allowed on TCP 5432, but the namespace\'s policies allow no ports'));

    const open = [...policies, policy('shop', 'out', { podSelector: { matchLabels: { app: 'worker' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] })];
    const leaks = checkSuggestion(SHOP, intent, open).failures.map(describeFlow);
    assert.ok(leaks.includes('Deployment shop/worker -> the internet should be denied, but the namespace\'s policies allow all ports'));
  });
});
