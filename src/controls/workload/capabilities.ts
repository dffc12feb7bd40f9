import { list, record, type Capabilities, type Container } from '../../model/k8s.js';
import { checkContainers } from '../containers.js';
import { defineControl, type ControlMeta, type ResourceControl } from '../types.js';
import { containerName, LINUX_PODS, securityContextOf } from './pod-helpers.js';

export interface CapabilityEntry {
  /** Normalised: upper-case, without a `CAP_` prefix, so `cap_sys_admin` and `SYS_ADMIN` compare equal. */
  name: string;
  index: number;
}

/** The capabilities a container adds or drops; entries that are not strings are ignored. */
export function capabilityEntries(container: Container, field: 'add' | 'drop'): CapabilityEntry[] {
  const capabilities = record<Capabilities>(securityContextOf(container)?.capabilities);
  const entries: CapabilityEntry[] = [];
  list(capabilities?.[field]).forEach((value, index) => {
    if (typeof value === 'string') entries.push({ name: value.trim().toUpperCase().replace(/^CAP_/, ''), index });
  });
  return entries;
}

/** How a control describes an added capability it objects to. */
export interface CapabilityObjection {
  /** What the message says the container adds, e.g. `SYS_ADMIN` or `BPF (loading eBPF programs into the kernel)`. */
  what: string;
  expected: string;
}

/** A control flagging each added capability `objection` describes; Windows pods have no Linux capabilities. */
export function addedCapabilityControl(meta: ControlMeta, objection: (name: string) => CapabilityObjection | undefined): ResourceControl {
  return defineControl(meta, (object) =>
    checkContainers(
      object,
      ({ container, path }) =>
        capabilityEntries(container, 'add').flatMap((entry) => {
          const objected = objection(entry.name);
          if (!objected) return [];
          return [
            {
              path: [...path, 'securityContext', 'capabilities', 'add', entry.index],
              message: `container "${containerName(container)}" adds ${objected.what}`,
              found: entry.name,
              expected: objected.expected,
            },
          ];
        }),
      LINUX_PODS,
    ),
  );
}
