/**
 * The pod as the Pod Security checks see it, whatever workload holds it, plus the small readers every check shares.
 * Objects come from untrusted files: every field is read through a guard, never assumed to have its declared type.
 */
import { containersOf, podTemplateOf, type ContainerRef, type PodTemplate } from '../../inventory/pod-spec.js';
import { record, type Container, type K8sObject, type PodSecurityContext, type SecurityContext } from '../../model/k8s.js';
import type { FieldPath } from '../../model/path.js';

export interface PssPod extends PodTemplate {
  /** initContainers, containers and ephemeralContainers, in that order, as upstream's visitor walks them. */
  containers: readonly ContainerRef[];
  /** `spec.securityContext` when it is an object. */
  securityContext: PodSecurityContext | undefined;
  securityContextPath: FieldPath;
}

const pods = new WeakMap<PodTemplate, PssPod>();

export function pssPodOf(object: K8sObject): PssPod | undefined {
  const template = podTemplateOf(object);
  if (!template) return undefined;
  let pod = pods.get(template);
  if (!pod) pods.set(template, (pod = readPod(template)));
  return pod;
}

function readPod(template: PodTemplate): PssPod {
  return {
    ...template,
    containers: containersOf(template),
    securityContext: record<PodSecurityContext>(template.spec.securityContext),
    securityContextPath: [...template.specPath, 'securityContext'],
  };
}

export function securityContextOf(container: Container): SecurityContext | undefined {
  return record<SecurityContext>(container.securityContext);
}

/** `container "app"`, as upstream names a container in its messages. */
export function containerLabel(container: Container): string {
  return `container ${JSON.stringify(typeof container.name === 'string' ? container.name : '')}`;
}

/** Who sets a security context: the pod itself or one of its containers. */
export interface SecurityContextSetter {
  /** `pod` or `container "app"`. */
  who: string;
  context: SecurityContext | undefined;
  /** The path of the securityContext object (which may not exist yet). */
  path: FieldPath;
}

/** The pod-level security context first, then each container's. */
export function securityContextSetters(pod: PssPod): SecurityContextSetter[] {
  return [
    { who: 'pod', context: pod.securityContext, path: pod.securityContextPath },
    ...pod.containers.map(({ container, path }) => ({
      who: containerLabel(container),
      context: securityContextOf(container),
      path: [...path, 'securityContext'],
    })),
  ];
}

/** The containers' security contexts only (fields that exist on containers but not on the pod). */
export function containerSecurityContexts(pod: PssPod): SecurityContextSetter[] {
  return securityContextSetters(pod).slice(1);
}

/** `spec.os.name: windows`: from policy v1.25 some restricted checks do not apply to Windows pods. */
export function isWindowsPod(pod: PssPod): boolean {
  return record<{ name?: unknown }>(pod.spec.os)?.name === 'windows';
}

/** `spec.hostUsers: false` puts the pod in a user namespace, which relaxes some checks from policy v1.35. */
export function usesUserNamespace(pod: PssPod): boolean {
  return pod.spec.hostUsers === false;
}

export function annotationsOf(pod: PssPod): Record<string, unknown> {
  return record(pod.metadata.annotations) ?? {};
}

/** A field that Kubernetes treats as unset. */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null;
}

export function quoteList(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value) ?? String(value)).join(', ');
}
