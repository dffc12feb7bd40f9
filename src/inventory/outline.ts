/**
 * A workload reduced to what cluster-wide network analysis reads of it: identity, pod labels, container ports, host
 * network and ports, service account. Kept for every workload, it costs a few hundred bytes where the whole object
 * (with status, managed fields and environment) costs kilobytes.
 */
import { isRecord, list, type K8sObject } from '../model/k8s.js';
import { containersOf, podTemplateOf } from './pod-spec.js';

function setAt(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node = target;
  path.slice(0, -1).forEach((key) => {
    const next = node[key] ?? {};
    node[key] = next;
    node = next as Record<string, unknown>;
  });
  node[path[path.length - 1]!] = value;
}

export function outlineOf(object: K8sObject): K8sObject | undefined {
  const template = podTemplateOf(object);
  if (!template) return undefined;
  const meta = object.metadata ?? {};
  const outline: Record<string, unknown> = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    metadata: {
      ...(meta.name !== undefined ? { name: meta.name } : {}),
      ...(meta.namespace !== undefined ? { namespace: meta.namespace } : {}),
      ...(meta.labels !== undefined ? { labels: meta.labels } : {}),
      ...(meta.ownerReferences !== undefined ? { ownerReferences: meta.ownerReferences } : {}),
    },
  };
  const containers = containersOf(template, ['containers']).map(({ container }) => ({
    name: container.name,
    ...(Array.isArray(container.ports) ? { ports: list(container.ports).filter(isRecord) } : {}),
  }));
  const spec = template.spec;
  setAt(outline, template.metadataPath, { labels: template.metadata.labels ?? {} });
  setAt(outline, template.specPath, {
    containers,
    ...(spec.hostNetwork !== undefined ? { hostNetwork: spec.hostNetwork } : {}),
    ...(spec.serviceAccountName !== undefined ? { serviceAccountName: spec.serviceAccountName } : {}),
  });
  return structuredClone(outline) as K8sObject;
}

/** Whether the pod receives a Secret: a secret volume (or projected one), or a secret in its environment. */
export function mountsSecrets(object: K8sObject): boolean {
  const template = podTemplateOf(object);
  if (!template) return false;
  const volumes = list(template.spec.volumes).filter(isRecord);
  if (volumes.some((volume) => isRecord(volume.secret) || list((volume.projected as { sources?: unknown } | undefined)?.sources).some((source) => isRecord(source) && isRecord(source.secret)))) return true;
  return containersOf(template).some(({ container }) =>
    list(container.envFrom).some((entry) => isRecord(entry) && isRecord(entry.secretRef))
    || list(container.env).some((entry) => isRecord(entry) && isRecord(entry.valueFrom) && isRecord(entry.valueFrom.secretKeyRef)));
}
