import { INVENTORY_VERSION, type AssetInventory } from './model.js';

/** The inventory as pretty JSON, sections in a fixed order; docs/inventory.md describes the layout. */
export function renderInventoryJson(inventory: AssetInventory): string {
  const document = {
    inventoryVersion: INVENTORY_VERSION,
    clusters: inventory.clusters,
    nodes: inventory.nodes,
    namespaces: inventory.namespaces,
    workloads: inventory.workloads,
    images: inventory.images,
    registries: inventory.registries,
    serviceAccounts: inventory.serviceAccounts,
    subjects: inventory.subjects,
    services: inventory.services,
    ingresses: inventory.ingresses,
    secrets: inventory.secrets,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
