/**
 * `kspm paths`: attack paths across the engines, from the internet (and from any workload, for lateral movement) to
 * what an attacker wants (cluster-admin, root on a node, Secrets of sensitive namespaces), each step with the fact or
 * finding behind it. The scan runs as `kspm scan` does; its findings are the evidence, not the output.
 */
import { runScan, type SourceAnalysis } from '../engine/scan.js';
import type { Finding } from '../model/finding.js';
import type { ReportSink } from '../model/report.js';
import { formatSource } from '../outputs/location.js';
import { attackGraphOf, findAttackPaths, findingIds, riskContextOf, type AttackPath } from '../risk/index.js';
import { UsageError } from '../usage-error.js';
import { openOutput } from './output-file.js';
import { prepareScan, type ScanFlags } from './scan-command.js';

export const PATHS_FORMATS = ['table', 'json'] as const;

export interface PathsFlags extends Omit<ScanFlags, 'output' | 'outputFile' | 'top'> {
  output: string;
  outputFile?: string;
  maxPaths: string;
  lateral: boolean;
}

interface FoundPaths {
  paths: AttackPath[];
  /** The findings the steps cite, by id. */
  findings: Map<string, Finding>;
}

function pathFinder(found: FoundPaths, options: { maxPaths: number; lateral: boolean; kev?: ReadonlySet<string> }): SourceAnalysis {
  return {
    analyse(findings, inventory) {
      const context = riskContextOf({ findings, inventory, ...(options.kev ? { kev: options.kev } : {}) });
      found.paths.push(...findAttackPaths(attackGraphOf(context), { maxPaths: options.maxPaths, lateral: options.lateral }));
      findingIds(findings).forEach((id, index) => found.findings.set(id, findings[index]!));
      return [];
    },
  };
}

/** Input errors go to standard error as the scan meets them; findings are held by the analysis, not reported. */
const errorsOnly: ReportSink = {
  begin: () => undefined,
  resource: () => undefined,
  finding: () => undefined,
  gap: () => undefined,
  error: (error) => void process.stderr.write(`kspm: ${formatSource(error)}: ${error.message}\n`),
  end: async () => undefined,
};

function renderTable(found: FoundPaths): string {
  if (found.paths.length === 0) return 'No attack paths found: nothing exposed or compromised reaches cluster-admin, a node or sensitive Secrets.\n';
  return found.paths
    .map((path, index) => {
      const steps = path.steps.map((step) => {
        const cited = (step.findingIds ?? []).map((id) => found.findings.get(id)).filter((finding): finding is Finding => finding !== undefined);
        const why = cited.length > 0 ? ` [${[...new Set(cited.map((finding) => finding.controlId))].join(', ')}]` : '';
        return `   ${step.kind.padEnd(16)}${step.evidence}${why}\n`;
      });
      return `${index + 1}. ${path.text}\n${steps.join('')}`;
    })
    .join('\n');
}

export async function pathsCommand(paths: string[], flags: PathsFlags): Promise<number> {
  if (!(PATHS_FORMATS as readonly string[]).includes(flags.output)) throw new UsageError(`invalid --output "${flags.output}": expected ${PATHS_FORMATS.join(', ')}`);
  const maxPaths = Number(flags.maxPaths);
  if (!Number.isInteger(maxPaths) || maxPaths <= 0) throw new UsageError(`invalid --max-paths "${flags.maxPaths}": expected a positive whole number`);
  const scan = await prepareScan(paths, flags, 'paths');
  const found: FoundPaths = { paths: [], findings: new Map() };
  try {
    const summary = await runScan({ ...scan.request, analysis: pathFinder(found, { maxPaths, lateral: flags.lateral, ...(scan.knownExploited ? { kev: scan.knownExploited } : {}) }) }, errorsOnly, scan.header);
    scan.warnAfter(summary);
    const output = openOutput(flags.outputFile);
    output.stream.write(flags.output === 'json' ? `${JSON.stringify({ paths: found.paths }, null, 2)}\n` : renderTable(found));
    await output.commit();
    return summary.exitCode;
  } finally {
    scan.close();
  }
}
