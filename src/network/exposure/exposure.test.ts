import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { K8sObject } from '../../model/k8s.js';
import { readSources } from '../../sources/index.js';
import { exposureIndex, exposureOf, isInternetFacing, type Exposure, type WorkloadExposure } from './index.js';

const ESTATE = fileURLToPath(new URL('./estate.yaml', import.meta.url));

describe('exposure of a hand-built estate', () => {
  let exposures: WorkloadExposure[] = [];
  let index: ReadonlyMap<string, WorkloadExposure> = new Map();
  const ways = (key: string, via?: Exposure['via']): Exposure[] =>
    (index.get(key)?.exposures ?? []).filter((way) => via === undefined || way.via === via);

  before(async () => {
    const objects: K8sObject[] = [];
    for await (const item of readSources([ESTATE])) {
      assert.equal(item.type, 'resource');
      if (item.type === 'resource') objects.push(item.resource.object);
    }
    exposures = exposureOf(objects);
    index = exposureIndex(exposures);
  });

  it('lists each exposed top-level workload once, and none of the unexposed, controlled or route-to-nowhere ones', () => {
    assert.deepEqual(exposures.map(({ workload }) => `${workload.namespace}/${workload.kind}/${workload.name}`), [
      'shop/DaemonSet/node-agent',
      'shop/Deployment/api',
      'shop/Deployment/store',
      'shop/Deployment/web',
      'shop/Job/migrate',
      'shop/Pod/debug',
      'shop/ReplicationController/legacy',
    ]);
  });

  it('sees an external load balancer, with its address and the named targetPort resolved', () => {
    const [lb] = ways('shop/Deployment/web', 'LoadBalancer');
    assert.deepEqual(lb?.object, { kind: 'Service', namespace: 'shop', name: 'web-lb' });
    assert.deepEqual(lb?.ports, [{ port: 80, protocol: 'TCP', targetPort: 'http', containerPort: 8080 }]);
    assert.deepEqual(lb?.addresses, ['198.51.100.7']);
    assert.equal(lb?.internal, false);
    assert.match(lb?.detail ?? '', /external load balancer open to any address/);
  });

  it('counts the node ports a LoadBalancer allocates', () => {
    const [nodePort] = ways('shop/Deployment/web', 'NodePort');
    assert.deepEqual(nodePort?.ports, [{ port: 30080, protocol: 'TCP', targetPort: 'http', containerPort: 8080 }]);
  });

  it('marks an annotated internal load balancer, which allocates no node ports when told not to, and is not internet-facing', () => {
    const api = ways('shop/Deployment/api');
    assert.deepEqual(api.map((way) => [way.via, way.internal]), [['LoadBalancer', true]]);
    assert.deepEqual(api[0]?.ports, [{ port: 443, protocol: 'TCP', targetPort: 'grpc', containerPort: 9090 }]);
    assert.equal(isInternetFacing(index.get('shop/Deployment/api')), false);
    assert.equal(isInternetFacing(index.get('shop/Deployment/web')), true);
    assert.equal(isInternetFacing(index.get('shop/StatefulSet/db')), false);
  });

  it('keeps a node port the cluster chooses, and leaves a targetPort name no container declares unresolved', () => {
    const [nodePort] = ways('shop/Job/migrate', 'NodePort');
    assert.deepEqual(nodePort?.ports, [{ protocol: 'TCP', targetPort: 'missing' }]);
    assert.match(nodePort?.detail ?? '', /chosen by the cluster/);
  });

  it('finds external IPs on a ClusterIP Service', () => {
    const [external] = ways('shop/ReplicationController/legacy', 'externalIPs');
    assert.deepEqual(external?.addresses, ['203.0.113.10']);
    assert.deepEqual(external?.ports, [{ port: 8000, protocol: 'TCP', containerPort: 8000 }]);
  });

  it('splits Ingress hosts by TLS, the default backend serving any host in clear', () => {
    const ingress = ways('shop/Deployment/web', 'Ingress').map(({ tls, hosts, through, ports }) => ({ tls, hosts, through, ports }));
    const through = [{ kind: 'Service', namespace: 'shop', name: 'web-internal' }];
    const ports = [{ servicePort: 80, protocol: 'TCP', targetPort: 'http', containerPort: 8080 }];
    assert.deepEqual(ingress, [
      { tls: false, hosts: ['*', 'admin.example.com'], through, ports },
      { tls: true, hosts: ['shop.example.com'], through, ports },
    ]);
    assert.deepEqual(ways('shop/Deployment/web', 'Ingress')[0]?.addresses, ['lb.example.net']);
  });

  it('follows an HTTPRoute to the HTTPS listener that admits its namespace and hostname', () => {
    const gateway = ways('shop/Deployment/store', 'Gateway');
    assert.equal(gateway.length, 1);
    assert.deepEqual(gateway[0]?.object, { kind: 'Gateway', namespace: 'infra', name: 'edge' });
    assert.deepEqual(gateway[0]?.through, [{ kind: 'HTTPRoute', namespace: 'shop', name: 'store' }, { kind: 'Service', namespace: 'shop', name: 'store' }]);
    assert.equal(gateway[0]?.tls, true);
    assert.deepEqual(gateway[0]?.hosts, ['store.example.com']);
    assert.deepEqual(gateway[0]?.ports, [{ port: 443, servicePort: 8080, protocol: 'TCP', targetPort: 'web', containerPort: 3000 }]);
    assert.deepEqual(gateway[0]?.addresses, ['192.0.2.1']);
  });

  it('crosses namespaces to a backend only where a ReferenceGrant allows it', () => {
    const [cross] = ways('shop/Deployment/web', 'Gateway');
    assert.deepEqual(cross?.through.map(({ kind, name }) => `${kind}/${name}`), ['HTTPRoute/cross', 'Service/web-internal']);
    assert.equal(cross?.tls, false);
    assert.equal(cross?.ports[0]?.port, 80);
    assert.equal(index.has('shop/StatefulSet/db'), false);
  });

  it('reports host networking and host ports, leaving out a host port bound to loopback', () => {
    assert.deepEqual(ways('shop/DaemonSet/node-agent').map(({ via, ports }) => ({ via, ports })), [
      { via: 'hostNetwork', ports: [{ port: 9100, protocol: 'TCP', containerPort: 9100 }] },
    ]);
    assert.deepEqual(ways('shop/Pod/debug').map(({ via, ports }) => ({ via, ports })), [
      { via: 'hostPort', ports: [{ port: 8081, protocol: 'TCP', containerPort: 80 }] },
    ]);
  });
});

describe('Gateway listeners that choose their routes', () => {
  const workload = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'vault', namespace: 'apps' }, spec: { template: { metadata: { labels: { app: 'vault' } }, spec: { containers: [{ name: 'vault', ports: [{ containerPort: 8200 }] }] } } } };
  const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'vault', namespace: 'apps' }, spec: { selector: { app: 'vault' }, ports: [{ port: 8200 }] } };
  const gateway = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'passthrough', namespace: 'edge' },
    spec: { listeners: [{ name: 'tls', protocol: 'TLS', port: 8443, tls: { mode: 'Passthrough' }, allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'edge-routes': 'allowed' } } } } }] },
  };
  const route = (kind: string) => ({ apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind, metadata: { name: kind.toLowerCase(), namespace: 'apps' }, spec: { parentRefs: [{ name: 'passthrough', namespace: 'edge' }], rules: [{ backendRefs: [{ name: 'vault', port: 8200 }] }] } });
  const namespace = (labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps', labels } });

  it('attaches a TLSRoute from a namespace the selector admits, and not an HTTPRoute', () => {
    const [vault] = exposureOf([workload, service, gateway, route('TLSRoute'), route('HTTPRoute'), namespace({ 'edge-routes': 'allowed' })]);
    assert.deepEqual(vault?.exposures.map(({ via, tls, through }) => ({ via, tls, route: through[0]?.kind })), [{ via: 'Gateway', tls: true, route: 'TLSRoute' }]);
  });

  it('ignores the route when its namespace lacks the label', () => {
    assert.deepEqual(exposureOf([workload, service, gateway, route('TLSRoute'), namespace({})]), []);
  });
});
