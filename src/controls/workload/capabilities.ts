import { list, record, type Capabilities, type Container } from '../../model/k8s.js';
import { securityContextOf } from './pod-helpers.js';

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
