/**
 * The network estate of a scan's inventory, for controls that need reachability: Namespaces and NetworkPolicies are
 * kept whole by the inventory; workloads come from their summaries (pod labels, host network). Container ports are
 * not kept, so named ports resolve to nothing: controls built on this ask about all ports, or numbered ones.
 */
import type { Inventory, InventoryEntry } from '../inventory/inventory.js';
import { NetworkEstateBuilder, type NetworkEstate, type Workload } from './estate.js';

export interface InventoryEstate {
  estate: NetworkEstate;
  /** The inventory entry each workload came from, to report findings on. */
  entries: Map<Workload, InventoryEntry>;
}

export function networkEstateOfInventory(inventory: Inventory): InventoryEstate {
  const builder = new NetworkEstateBuilder();
  for (const entry of [...inventory.ofKind('Namespace'), ...inventory.ofKind('NetworkPolicy')]) if (entry.object) builder.add(entry.object);
  const estate = builder.build();
  const entries = new Map<Workload, InventoryEntry>();
  for (const entry of inventory.workloads()) {
    const namespace = entry.ref.namespace;
    if (!namespace || !entry.workload) continue;
    if (!estate.namespaces.has(namespace)) estate.namespaces.set(namespace, { 'kubernetes.io/metadata.name': namespace });
    const workload: Workload = { kind: entry.ref.kind, namespace, name: entry.ref.name, labels: entry.workload.podLabels as Record<string, string>, ports: [], hostNetwork: entry.workload.hostNetwork === true };
    estate.workloads.push(workload);
    entries.set(workload, entry);
  }
  return { estate, entries };
}
