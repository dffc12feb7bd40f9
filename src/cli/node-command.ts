import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONTROL_PLANE_CONTROLS } from '../controls/control-plane/index.js';
import { LATEST_PSS_VERSION } from '../controls/pss/version.js';
import { EXIT } from '../engine/scan.js';
import { NODE_CHECKS } from '../node/checks/index.js';
import { gatherFacts, nodeNameOf } from '../node/gather.js';
import { nodeDaemonSetManifest, nodeJobManifest } from '../node/manifests.js';
import { isPlatformId, PLATFORM_IDS } from '../node/platforms.js';
import { NODE_REPORT_SCHEMA_VERSION, renderNodeJson, renderNodeTable, type NodeReport } from '../node/report.js';
import { runNodeChecks } from '../node/run.js';
import { UsageError } from '../usage-error.js';
import { openOutput } from './output-file.js';
import { DEFAULT_KUBERNETES_VERSION } from './scan-command.js';

export const NODE_FORMATS = ['table', 'json'] as const;

export interface NodeFlags {
  root: string;
  platform?: string;
  nodeName?: string;
  output: (typeof NODE_FORMATS)[number];
  outputFile?: string;
  failOnFail?: boolean;
}

/**
 * `kspm node`: the CIS node checks and the control-plane flag checks on this node (or a host mounted at --root).
 * Exit 3 when something the checks need could not be read; 1 with --fail-on-fail when a check fails.
 */
export async function nodeCommand(flags: NodeFlags): Promise<number> {
  if (!existsSync(flags.root)) throw new UsageError(`--root ${flags.root} does not exist`);
  if (flags.platform !== undefined && !isPlatformId(flags.platform)) {
    throw new UsageError(`unknown --platform ${flags.platform}; one of ${PLATFORM_IDS.join(', ')}`);
  }
  const facts = gatherFacts({ root: flags.root, ...(flags.platform ? { platform: flags.platform } : {}) });
  const node = flags.nodeName || process.env.NODE_NAME || nodeNameOf(flags.root);
  const results = runNodeChecks(facts, node, {
    pssVersion: LATEST_PSS_VERSION,
    kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
    allowedRegistries: [],
    now: new Date(),
  });
  const errors = [
    ...(existsSync(join(flags.root, 'proc')) ? [] : [`${join(flags.root, 'proc')} is absent: no process could be read, so the kubelet and control-plane checks are not applicable`]),
    ...(facts.kubeletConfig?.error ? [facts.kubeletConfig.error] : []),
  ];
  const report: NodeReport = { schemaVersion: NODE_REPORT_SCHEMA_VERSION, node, platform: facts.platform.id, results, errors };
  const titles = new Map<string, string>([
    ...NODE_CHECKS.map((check) => [check.id, check.title] as const),
    ...CONTROL_PLANE_CONTROLS.map((control) => [control.meta.id, control.meta.title] as const),
  ]);
  const output = openOutput(flags.outputFile);
  try {
    output.stream.write(flags.output === 'json' ? renderNodeJson(report) : renderNodeTable(report, titles));
    await output.commit();
  } catch (error) {
    await output.discard();
    throw error;
  }
  if (errors.length > 0) process.stderr.write(errors.map((error) => `kspm: ${error}\n`).join(''));
  if (flags.failOnFail && results.some((result) => result.status === 'fail')) return EXIT.findings;
  return errors.length > 0 ? EXIT.inputErrors : EXIT.ok;
}

export function nodeManifestsCommand(flags: { job?: boolean; daemonset?: boolean }): number {
  if (flags.job && flags.daemonset) throw new UsageError('--job and --daemonset contradict each other; give one');
  process.stdout.write(flags.daemonset ? nodeDaemonSetManifest() : nodeJobManifest());
  return EXIT.ok;
}
