import type { Inventory, InventoryEntry } from '../../inventory/inventory.js';
import type { FrameworkRef } from '../../model/finding.js';

/**
 * A namespace as the scan saw it: its key is the metadata.namespace of its resources, or '' for resources that
 * name none (they land in whichever namespace they are applied to, together).
 */
/** The requirements met by isolating a namespace's pods with NetworkPolicies, which both namespace controls check. */
export const NAMESPACE_ISOLATION_FRAMEWORKS: readonly FrameworkRef[] = [
  { framework: 'cis', id: '5.3.2' },
  { framework: 'nsa', id: 'network-policies' },
  { framework: 'mitre', id: 'T1046' },
];

export interface ScannedNamespace {
  name: string;
  workloads: InventoryEntry[];
  policies: InventoryEntry[];
}

function key(entry: InventoryEntry): string {
  return entry.ref.namespace ?? '';
}

/** Namespaces holding at least one workload, with their workloads and NetworkPolicies, by name. */
export function namespacesWithWorkloads(inventory: Inventory): ScannedNamespace[] {
  const byName = new Map<string, ScannedNamespace>();
  for (const workload of inventory.workloads()) {
    const name = key(workload);
    const namespace = byName.get(name) ?? { name, workloads: [], policies: [] };
    namespace.workloads.push(workload);
    byName.set(name, namespace);
  }
  for (const policy of inventory.ofKind('NetworkPolicy')) byName.get(key(policy))?.policies.push(policy);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Where a finding about the namespace is reported: its Namespace object when scanned, else `fallback`. */
export function subjectOf(inventory: Inventory, namespace: ScannedNamespace, fallback: InventoryEntry): InventoryEntry {
  return (namespace.name !== '' ? inventory.namespaceEntry(namespace.name) : undefined) ?? fallback;
}

export function describeNamespace(name: string): string {
  return name === '' ? 'the namespace of resources that name none' : `namespace ${name}`;
}
