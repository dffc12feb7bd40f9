import { AssetCollector, renderInventoryJson, renderInventoryTable } from '../assets/index.js';
import { EXIT } from '../engine/scan.js';
import { isClusterLocation, type ResourceRef } from '../model/resource.js';
import { openOutput } from './output-file.js';
import { readTargets, resolveTargets, type TargetFlags } from './targets.js';

export const INVENTORY_FORMATS = ['table', 'json'] as const;

export interface InventoryFlags extends TargetFlags {
  output: (typeof INVENTORY_FORMATS)[number];
  outputFile?: string;
}

/** `kspm inventory`: what the clusters, snapshots or manifests hold. Unreadable inputs are reported and skipped. */
export async function inventoryCommand(paths: string[], flags: InventoryFlags): Promise<number> {
  const targets = resolveTargets(paths, flags, 'inventory');
  const collector = new AssetCollector();
  const { resources, errors } = await readTargets(
    targets,
    ({ object, ref, source }) => {
      if (kept(ref, targets.namespaces)) collector.add(object, isClusterLocation(source) ? { cluster: source.cluster } : { file: source.file });
    },
    (facts) => collector.addCluster(facts),
  );
  if (resources === 0 && errors > 0) return EXIT.usage;
  const inventory = collector.result();
  const output = openOutput(flags.outputFile);
  try {
    const text = flags.output === 'json' ? renderInventoryJson(inventory) : renderInventoryTable(inventory, { color: output.color });
    output.stream.write(text);
    await output.commit();
  } catch (error) {
    await output.discard();
    throw error;
  }
  return errors > 0 ? EXIT.inputErrors : EXIT.ok;
}

/** With -n, namespaced objects of other namespaces are left out; nodes, cluster roles and the like stay. */
function kept(ref: ResourceRef, namespaces: readonly string[]): boolean {
  if (namespaces.length === 0) return true;
  if (ref.namespace) return namespaces.includes(ref.namespace);
  return ref.kind !== 'Namespace' || namespaces.includes(ref.name);
}
