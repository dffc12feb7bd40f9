import { containersOf, podTemplateOf, type ContainerList, type ContainerRef, type PodTemplate } from '../inventory/pod-spec.js';
import type { K8sObject } from '../model/k8s.js';
import type { Violation } from './types.js';

/** What one container breaks; the template is there for pod-level settings the container inherits. */
export type ContainerCheck = (ref: ContainerRef, template: PodTemplate) => Violation[];

export interface ContainerSelection {
  /** The container lists to visit; every list, init and ephemeral included, by default. */
  lists?: readonly ContainerList[];
  /** Pods the check does not apply to at all, e.g. Windows pods for Linux-only settings. */
  skipPod?: (template: PodTemplate) => boolean;
}

/** Runs `check` over the containers of a workload's pod template; other kinds have no violations. */
export function checkContainers(object: K8sObject, check: ContainerCheck, selection: ContainerSelection = {}): Violation[] {
  const template = podTemplateOf(object);
  if (!template || selection.skipPod?.(template)) return [];
  return containersOf(template, selection.lists).flatMap((ref) => check(ref, template));
}
