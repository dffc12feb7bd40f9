import { record, type Container, type PodSpec, type SecurityContext } from '../../model/k8s.js';
import type { ContainerSelection } from '../containers.js';

/** The container's name for messages; malformed names show as `?`. */
export function containerName(container: Container): string {
  return typeof container.name === 'string' && container.name !== '' ? container.name : '?';
}

/** Windows pods ignore Linux-only settings (capabilities, UIDs), as Pod Security Admission does. */
export function isWindowsPod(spec: PodSpec): boolean {
  return record(spec.os)?.name === 'windows';
}

/** Every container of pods that are not Windows pods, for checks of Linux-only settings. */
export const LINUX_PODS: ContainerSelection = { skipPod: (template) => isWindowsPod(template.spec) };

export function securityContextOf(holder: Container | PodSpec): SecurityContext | undefined {
  return record<SecurityContext>(holder.securityContext);
}
