import { AssetCollector, renderInventoryJson, renderInventoryTable } from '../assets/index.js';
import { EXIT } from '../engine/scan.js';
import { isClusterLocation, type ResourceRef } from '../model/resource.js';
import { formatSource } from '../outputs/location.js';
import { warnGaps } from './gaps.js';
import { openOutput } from './output-file.js';
import { resolveTargets, scanSources, type TargetFlags } from './targets.js';
import type { CoverageGap } from '../model/cluster.js';
import { DEFAULT_MAX_FILE_MIB } from './scan-command.js';

export const INVENTORY_FORMATS = ['table', 'json'] as const;

export interface InventoryFlags extends TargetFlags {
  output: (typeof INVENTORY_FORMATS)[number];
  outputFile?: string;
}

/** `kspm inventory`: what the clusters, snapshots or manifests hold. Unreadable inputs are reported and skipped. */
export async function inventoryCommand(paths: string[], flags: InventoryFlags): Promise<number> {
  const targets = resolveTargets(paths, flags, 'inventory');
  const collector = new AssetCollector();
  let read = 0;
  let errors = 0;
  for await (const source of scanSources(targets, { maxFileBytes: DEFAULT_MAX_FILE_MIB * 1024 * 1024 })) {
    const gaps: CoverageGap[] = [];
    for await (const item of source.items) {
      if (item.type === 'error') {
        errors++;
        process.stderr.write(`kspm: ${formatSource(item.error)}: ${item.error.message}\n`);
      } else if (item.type === 'gap') {
        gaps.push(item.gap);
      } else {
        read++;
        const { object, source: where } = item.resource;
        if (!kept(item.resource.ref, targets.namespaces)) continue;
        collector.add(object, isClusterLocation(where) ? { cluster: where.cluster } : { file: where.file });
      }
    }
    const facts = source.facts?.();
    if (facts) {
      collector.addCluster(facts);
      warnGaps(facts.context, gaps);
    }
  }
  if (read === 0 && errors > 0) return EXIT.usage;
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
