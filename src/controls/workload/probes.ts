import { containersOf, type ContainerRef, type PodTemplate } from '../../inventory/pod-spec.js';
import { list, record, type K8sObject } from '../../model/k8s.js';

const BATCH_KINDS = new Set(['Job', 'CronJob']);

function ownedByJob(object: K8sObject): boolean {
  return list(record(object.metadata)?.ownerReferences).some((owner) => record(owner)?.kind === 'Job');
}

/**
 * The containers expected to run for long and so to carry probes: regular containers and sidecars (init containers
 * with `restartPolicy: Always`) of pods that are not batch work. Ephemeral containers cannot have probes.
 */
export function longRunningContainers(object: K8sObject, template: PodTemplate): ContainerRef[] {
  if (typeof object.kind === 'string' && BATCH_KINDS.has(object.kind)) return [];
  if (ownedByJob(object)) return [];
  const restartPolicy = template.spec.restartPolicy;
  if (restartPolicy === 'Never' || restartPolicy === 'OnFailure') return [];
  return containersOf(template, ['initContainers', 'containers']).filter(
    ({ container, list: where }) => where === 'containers' || container.restartPolicy === 'Always',
  );
}
