import { EXIT } from '../engine/scan.js';
import { SnapshotWriter } from '../snapshot/write.js';
import { TOOL } from '../tool-info.js';
import { UsageError } from '../usage-error.js';
import { warnGaps } from './gaps.js';
import { openOutput } from './output-file.js';
import { ProgressLine } from './progress.js';
import { clusterEvents, resolveTargets, type TargetFlags } from './targets.js';
import type { CoverageGap } from '../model/cluster.js';

export interface CollectFlags extends TargetFlags {
  output: string;
}

/**
 * `kspm collect`: every cluster named goes into one snapshot. A cluster that cannot be read is recorded as such (a
 * scan of the snapshot reports it as the live scan would); when none can be, no file is written.
 */
export async function collectCommand(flags: CollectFlags): Promise<number> {
  const targets = resolveTargets([], { ...flags, cluster: flags.cluster || (flags.context.length === 0 && !flags.allContexts) }, 'collect');
  if (flags.output === '-' || flags.output === '') throw new UsageError('kspm collect -o needs a file name (the snapshot is binary)');
  const output = openOutput(flags.output, '--output');
  const writer = new SnapshotWriter(output.stream);
  const failures: string[] = [];
  let readable = 0;
  try {
    await writer.begin(TOOL, new Date());
    for await (const events of clusterEvents(targets, new ProgressLine())) {
      let context: string | undefined;
      const gaps: CoverageGap[] = [];
      for await (const event of events) {
        if (event.type === 'cluster') {
          context = event.context;
          readable++;
        }
        if (event.type === 'gap') gaps.push(event.gap);
        if (event.type === 'error') failures.push(`${event.error.cluster ?? ''}: ${event.error.message}`);
        await writer.write(event);
      }
      if (context !== undefined) warnGaps(context, gaps);
    }
    const counts = await writer.end();
    for (const failure of failures) process.stderr.write(`kspm: ${failure}\n`);
    if (readable === 0) {
      await output.discard();
      return EXIT.usage;
    }
    await output.commit();
    process.stderr.write(`collected ${counts.objects} objects from ${counts.clusters} cluster${counts.clusters === 1 ? '' : 's'} into ${flags.output}\n`);
    return failures.length > 0 ? EXIT.inputErrors : EXIT.ok;
  } catch (error) {
    await output.discard();
    throw error;
  }
}
