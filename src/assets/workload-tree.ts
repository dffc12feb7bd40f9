/**
 * Which workloads a person manages, and how many pods run under each. A live cluster holds a Deployment, its
 * ReplicaSets and their Pods: only the top one is listed, and the pods are counted under it. Objects arrive in any
 * order, so controlled objects are remembered by their controller's key (pods only as a count) and the chains are
 * followed at the end.
 */
import type { Controller } from '../inventory/ownership.js';
import { own } from './values.js';
import type { WorkloadSummary } from './workloads.js';

export interface ResolvedWorkload {
  summary: WorkloadSummary;
  observed: boolean;
  pods: number;
}

interface ControlledGroup {
  controller: Controller;
  /** The member that sorts first by name: it stands for the controller if the controller itself was never read. */
  representative: WorkloadSummary;
  pods: number;
}

/** Owner references never leave their namespace, nor their cluster; manifests share one scope. */
function keyOf(summary: WorkloadSummary, kind: string, name: string): string {
  return JSON.stringify([summary.origin.cluster ?? '', summary.ref.namespace ?? '', kind, name]);
}

/** Chains are at most CronJob -> Job -> Pod or Deployment -> ReplicaSet -> Pod; anything longer is a loop. */
const MAX_CHAIN = 8;

export class WorkloadTree {
  private readonly topLevel: WorkloadSummary[] = [];
  /** Controlled workloads (a ReplicaSet, a Job) by their own key, to their controller's key. */
  private readonly links = new Map<string, string>();
  private readonly groups = new Map<string, ControlledGroup>();

  add(summary: WorkloadSummary, controller: Controller | undefined): void {
    if (controller === undefined) {
      this.topLevel.push(summary);
      return;
    }
    const controllerKey = keyOf(summary, controller.kind, controller.name);
    if (summary.ref.kind !== 'Pod') this.links.set(keyOf(summary, summary.ref.kind, summary.ref.name), controllerKey);
    const group = this.groups.get(controllerKey);
    const pods = summary.ref.kind === 'Pod' ? 1 : 0;
    if (group === undefined) {
      this.groups.set(controllerKey, { controller: { kind: own(controller.kind), name: own(controller.name) }, representative: summary, pods });
      return;
    }
    group.pods += pods;
    if (summary.ref.name < group.representative.ref.name) group.representative = summary;
  }

  resolve(): ResolvedWorkload[] {
    const resolved = this.topLevel.map((summary) => ({ summary, observed: true, pods: summary.ref.kind === 'Pod' ? 1 : 0 }));
    const byKey = new Map<string, ResolvedWorkload>();
    for (const workload of resolved) {
      const key = keyOf(workload.summary, workload.summary.ref.kind, workload.summary.ref.name);
      if (!byKey.has(key)) byKey.set(key, workload);
    }
    const top = (key: string, depth: number): ResolvedWorkload | undefined => {
      const found = byKey.get(key);
      if (found !== undefined) return found;
      const parent = this.links.get(key);
      if (parent !== undefined) return depth < MAX_CHAIN ? top(parent, depth + 1) : undefined;
      const group = this.groups.get(key);
      if (group === undefined) return undefined;
      const { representative, controller } = group;
      const summary: WorkloadSummary = {
        origin: representative.origin,
        ref: { ...representative.ref, kind: controller.kind, name: controller.name },
        serviceAccount: representative.serviceAccount,
        containers: representative.containers,
        podLabels: representative.podLabels,
      };
      const stand: ResolvedWorkload = { summary, observed: false, pods: 0 };
      byKey.set(key, stand);
      resolved.push(stand);
      return stand;
    };
    for (const [key, group] of this.groups) {
      const owner = top(key, 0);
      if (owner !== undefined) owner.pods += group.pods;
    }
    return resolved;
  }
}
