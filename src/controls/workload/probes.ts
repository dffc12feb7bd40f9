import { containersOf, podTemplateOf, type ContainerRef, type PodTemplate } from '../../inventory/pod-spec.js';
import { isRecord, list, record, type K8sObject } from '../../model/k8s.js';
import { defineControl, type ControlMeta, type ResourceControl } from '../types.js';
import { containerName } from './pod-helpers.js';

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

/** A control flagging long-running containers without a `livenessProbe` or `readinessProbe`. */
export function missingProbeControl(meta: ControlMeta, probe: 'liveness' | 'readiness'): ResourceControl {
  const field = `${probe}Probe` as const;
  return defineControl(meta, (object) => {
    const template = podTemplateOf(object);
    if (!template) return [];
    return longRunningContainers(object, template)
      .filter(({ container }) => !isRecord(container[field]))
      .map(({ container, path }) => ({
        path: [...path, field],
        message: `container "${containerName(container)}" has no ${probe} probe`,
        found: 'not set',
        expected: `a ${field} (httpGet, tcpSocket, exec or grpc)`,
      }));
  });
}
