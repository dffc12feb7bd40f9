/**
 * A large, realistic cluster for the cluster-scan benchmark, generated from a seed: exactly `pods` pods as
 * controllers create them (Deployments -> ReplicaSets -> Pods, StatefulSets, DaemonSets, kubelet static pods, a few
 * bare pods) across system and team namespaces, with the nodes, services and endpoints, config maps, secrets,
 * service accounts, RBAC, network policies, ingresses and volumes around them. The same shape and seed always give
 * the same objects.
 *
 * The platform (control plane, add-ons, node agents) takes its pods first; database StatefulSets and application
 * Deployments share the rest, every team namespace getting at least one application while pods remain.
 */
import { Estate } from './estate-controllers.js';
import type { Manifest } from './estate-managed-fields.js';
import { nodeObject, nodeSlots } from './estate-nodes.js';
import { configMap, pem, serviceAccount } from './estate-objects.js';
import { platform, platformPods, SYSTEM_NAMESPACES, systemNamespace } from './estate-platform.js';
import { timestamp } from './estate-pods.js';
import { DATABASE_REPLICAS, replicaCount, teamApplication, teamDatabase, teamFoundations, teamNamespaces, type TeamNamespace } from './estate-teams.js';
import { SeededRandom } from './seeded-random.js';

export interface EstateShape {
  pods: number;
  /** 50 by default; three of them control-plane nodes from ten nodes on, one below. */
  nodes?: number;
  /** 100 by default, eight of them system namespaces. */
  namespaces?: number;
  seed?: number;
  /** Objects the cluster had from the start, added as given: the bootstrap RBAC roles and bindings. */
  bootstrap?: readonly unknown[];
}

const DEFAULT_NODES = 50;
const DEFAULT_NAMESPACES = 100;

/** How teams' namespaces differ in size: most are small, a few are busy. */
const NAMESPACE_WEIGHTS = [1, 1, 1, 2, 2, 3, 5];

function wholeNumber(value: number, least: number, what: string): number {
  if (!Number.isInteger(value) || value < least) throw new RangeError(`${what} must be a whole number of at least ${least}, not ${value}`);
  return value;
}

function weightedPick(estate: Estate, teams: readonly TeamNamespace[], weights: readonly number[], total: number): TeamNamespace {
  let draw = estate.random.next() * total;
  for (const [index, team] of teams.entries()) {
    draw -= weights[index]!;
    if (draw < 0) return team;
  }
  return teams[teams.length - 1]!;
}

/** Deployments for the pods left, the first one in each namespace in turn, the others where teams are busiest. */
function applications(estate: Estate, teams: readonly TeamNamespace[], pods: number): void {
  const weights = teams.map(() => estate.random.pick(NAMESPACE_WEIGHTS));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = pods;
  for (let created = 0; remaining > 0; created++) {
    const team = created < teams.length ? teams[created]! : weightedPick(estate, teams, weights, total);
    const replicas = Math.min(replicaCount(estate), remaining);
    teamApplication(estate, team, team.nextComponent(), replicas);
    remaining -= replicas;
  }
}

export function generateEstate(shape: EstateShape): Manifest[] {
  const nodes = wholeNumber(shape.nodes ?? DEFAULT_NODES, 1, 'the node count');
  const namespaces = wholeNumber(shape.namespaces ?? DEFAULT_NAMESPACES, SYSTEM_NAMESPACES.length + 1, 'the namespace count');
  const random = new SeededRandom(shape.seed ?? 1);
  const slots = nodeSlots(random, nodes);
  const platformCount = platformPods(slots);
  const pods = wholeNumber(shape.pods, platformCount, `the pod count of a cluster of ${nodes} nodes`);

  const estate = new Estate(random, slots);
  estate.add(...slots.map((slot, index) => nodeObject(random, slot, timestamp(index * 600))));
  const teams = teamNamespaces(estate, namespaces - SYSTEM_NAMESPACES.length);
  estate.add(...SYSTEM_NAMESPACES.map((name) => systemNamespace(estate, name)));
  platform(estate, teams[0]?.name);
  for (const team of teams) teamFoundations(estate, team);

  let remaining = pods - platformCount;
  for (const team of teams) {
    if (random.chance(0.25) && remaining >= DATABASE_REPLICAS + teams.length) {
      teamDatabase(estate, team);
      remaining -= DATABASE_REPLICAS;
    }
  }
  applications(estate, teams, remaining);

  const rootCertificate = pem(random);
  for (const name of [...SYSTEM_NAMESPACES, ...teams.map((team) => team.name)]) {
    estate.add(serviceAccount(random, 'default', name, 0), configMap(random, 'kube-root-ca.crt', name, 0, { 'ca.crt': rootCertificate }));
  }
  return [...estate.objects, ...(shape.bootstrap ?? []) as Manifest[]];
}
