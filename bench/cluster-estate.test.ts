import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ObjectStore } from '../test/helpers/api-server/store.js';
import { readCoreResources, ResourceCatalogue } from '../test/helpers/api-server/resources.js';
import { sharedData } from '../test/helpers/shared.js';
import { generateEstate } from './cluster-estate.js';
import type { Manifest } from './estate-managed-fields.js';

interface Meta {
  name: string;
  namespace?: string;
  uid: string;
  labels?: Record<string, string>;
  ownerReferences?: { kind: string; name: string; uid: string; controller?: boolean }[];
  managedFields?: Manifest[];
}
type Obj = Manifest & { kind: string; apiVersion: string; metadata: Meta };

const SHAPE = { pods: 180, nodes: 4, namespaces: 12 };
const estate = generateEstate(SHAPE) as Obj[];
const ofKind = (kind: string) => estate.filter((object) => object.kind === kind);
const pods = ofKind('Pod');
const byUid = new Map(estate.map((object) => [object.metadata.uid, object]));
const identity = (object: Obj) => `${object.apiVersion} ${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name}`;
const selects = (selector: Record<string, string>, labels: Record<string, string> = {}) => Object.entries(selector).every(([key, value]) => labels[key] === value);

describe('the generated cluster estate', () => {
  it('holds exactly the pods, nodes and namespaces asked for', () => {
    assert.equal(pods.length, SHAPE.pods);
    assert.equal(ofKind('Node').length, SHAPE.nodes);
    assert.equal(ofKind('Namespace').length, SHAPE.namespaces);
  });

  it('is the same for the same seed and differs for another', () => {
    assert.equal(JSON.stringify(generateEstate(SHAPE)), JSON.stringify(estate));
    assert.notEqual(JSON.stringify(generateEstate({ ...SHAPE, seed: 2 })), JSON.stringify(estate));
  });

  it('names every object once, in a namespace that exists', () => {
    assert.equal(new Set(estate.map(identity)).size, estate.length);
    const namespaces = new Set(ofKind('Namespace').map((namespace) => namespace.metadata.name));
    const strays = estate.filter((object) => object.metadata.namespace !== undefined && !namespaces.has(object.metadata.namespace));
    assert.deepEqual(strays.map(identity), []);
  });

  it('has the kinds a cluster of controllers leaves behind', () => {
    for (const kind of ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision', 'Service', 'Endpoints', 'ConfigMap', 'Secret',
      'ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'NetworkPolicy', 'PersistentVolumeClaim', 'PersistentVolume']) {
      assert.ok(ofKind(kind).length > 0, `no ${kind}`);
    }
  });

  it('creates pods as controllers do: owned by a ReplicaSet of a Deployment, a StatefulSet, a DaemonSet or their Node, a few by no one', () => {
    const owners = new Map<string, number>();
    for (const pod of pods) {
      const reference = pod.metadata.ownerReferences?.[0];
      owners.set(reference?.kind ?? 'none', (owners.get(reference?.kind ?? 'none') ?? 0) + 1);
      if (reference === undefined) continue;
      const owner = byUid.get(reference.uid);
      assert.ok(owner, `${pod.metadata.name}: its owner ${reference.kind} ${reference.name} is not in the estate`);
      assert.deepEqual([owner.kind, owner.metadata.name], [reference.kind, reference.name]);
      if (owner.kind !== 'Node') assert.equal(owner.metadata.namespace, pod.metadata.namespace);
      if (owner.kind === 'ReplicaSet') {
        assert.equal(byUid.get(owner.metadata.ownerReferences?.[0]?.uid ?? '')?.kind, 'Deployment');
        const selector = (owner.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
        assert.ok(selects(selector, pod.metadata.labels), `${pod.metadata.name} is not selected by its ReplicaSet`);
      }
    }
    assert.deepEqual([...owners.keys()].sort(), ['DaemonSet', 'Node', 'ReplicaSet', 'StatefulSet', 'none']);
    assert.equal(owners.get('none'), 3);
    assert.equal(owners.get('Node'), 4, 'one control-plane node runs the four control-plane static pods');
  });

  it('places a pod of each DaemonSet on every node, and every pod on a node of the estate', () => {
    const nodes = new Set(ofKind('Node').map((node) => node.metadata.name));
    for (const daemonSet of ofKind('DaemonSet')) {
      const placed = pods.filter((pod) => pod.metadata.ownerReferences?.[0]?.uid === daemonSet.metadata.uid).map((pod) => (pod.spec as { nodeName: string }).nodeName);
      assert.deepEqual(new Set(placed), nodes, daemonSet.metadata.name);
    }
    assert.ok(pods.every((pod) => nodes.has((pod.spec as { nodeName: string }).nodeName)));
  });

  it('gives every pod the bulk of a real one: managedFields, a token volume (static pods aside), a status per container, probes on most', () => {
    for (const pod of pods) {
      const spec = pod.spec as { containers: Manifest[]; initContainers?: Manifest[]; volumes: { name: string }[] };
      const staticPod = pod.metadata.ownerReferences?.[0]?.kind === 'Node';
      assert.equal(spec.volumes.some((volume) => volume.name.startsWith('kube-api-access-')), !staticPod, pod.metadata.name);
      const status = pod.status as { phase: string; conditions: unknown[]; containerStatuses: { name: string }[]; initContainerStatuses?: unknown[] };
      assert.equal(pod.metadata.managedFields?.length, 2, pod.metadata.name);
      assert.equal(status.phase, 'Running');
      assert.equal(status.conditions.length, 5);
      assert.deepEqual(status.containerStatuses.map((entry) => entry.name), spec.containers.map((container) => container.name));
      assert.equal(status.initContainerStatuses?.length, spec.initContainers?.length);
    }
    const serving = pods.filter((pod) => (pod.spec as { containers: Manifest[] }).containers[0]?.readinessProbe !== undefined);
    assert.ok(serving.length > pods.length / 2);
    const meanBytes = pods.reduce((sum, pod) => sum + JSON.stringify(pod).length, 0) / pods.length;
    assert.ok(meanBytes > 5_000 && meanBytes < 20_000, `a pod is ${Math.round(meanBytes)} bytes on average`);
  });

  it('lists in each Endpoints exactly the pods its Service selects', () => {
    const endpoints = new Map(ofKind('Endpoints').map((entry) => [`${entry.metadata.namespace}/${entry.metadata.name}`, entry]));
    for (const service of ofKind('Service')) {
      const selector = (service.spec as { selector?: Record<string, string> }).selector;
      if (selector === undefined) continue;
      const entry = endpoints.get(`${service.metadata.namespace}/${service.metadata.name}`);
      assert.ok(entry, `no Endpoints for ${service.metadata.name}`);
      const listed = ((entry.subsets as { addresses: { targetRef: { uid: string } }[] }[] | undefined) ?? []).flatMap((subset) => subset.addresses.map((address) => address.targetRef.uid));
      const selected = pods.filter((pod) => pod.metadata.namespace === service.metadata.namespace && selects(selector, pod.metadata.labels)).map((pod) => pod.metadata.uid);
      assert.deepEqual(listed.sort(), selected.sort(), `${service.metadata.namespace}/${service.metadata.name}`);
    }
  });

  it('adds the bootstrap objects as given, and refuses fewer pods than the platform runs', () => {
    const bootstrap = [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'view' }, rules: [] }];
    assert.deepEqual(generateEstate({ ...SHAPE, bootstrap }).slice(-1), bootstrap);
    assert.throws(() => generateEstate({ ...SHAPE, pods: 20 }), /pod count of a cluster of 4 nodes must be a whole number of at least \d+/);
    assert.throws(() => generateEstate({ ...SHAPE, namespaces: 8 }), /namespace count/);
  });

  const discoveryDir = sharedData('k8s-discovery');
  it('is served whole by the test API server', { skip: discoveryDir === undefined }, () => {
    const catalogue = new ResourceCatalogue(readCoreResources(discoveryDir!));
    const store = new ObjectStore(catalogue, estate);
    const pod = catalogue.byKind('v1', 'Pod')!;
    assert.equal(store.list(pod, undefined).length, SHAPE.pods);
  });
});
