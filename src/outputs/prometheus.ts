/**
 * Scores and counts in the Prometheus text exposition format 0.0.4, for a node exporter's textfile collector or a
 * Pushgateway: one family per metric, each with HELP and TYPE, all gauges (every value describes one scan). Counts
 * come from the findings as they stream past; nothing else is held.
 */
import type { ControlMeta } from '../controls/types.js';
import { isExcepted, type Finding } from '../model/finding.js';
import type { ReportHeader, ReportSink, Summary } from '../model/report.js';
import type { CoverageGap } from '../model/cluster.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { StreamWriter } from './writer.js';

type Labels = Record<string, string>;

interface FindingCounts {
  open: Record<Severity, number>;
  excepted: Record<Severity, number>;
  /** Open findings per control id. */
  perControl: Map<string, number>;
}

function zeroes(): Record<Severity, number> {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

interface Sample {
  labels?: Labels;
  value: number;
}

interface Family {
  name: string;
  help: string;
  samples: Sample[];
}

/** A label value with backslash, double quote and line feed escaped, as the format requires. */
function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** HELP text escapes backslash and line feed only. */
function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function sampleLine(name: string, sample: Sample): string {
  const labels = Object.entries(sample.labels ?? {});
  const text = labels.length === 0 ? '' : `{${labels.map(([key, value]) => `${key}="${escapeLabelValue(value)}"`).join(',')}}`;
  return `${name}${text} ${formatValue(sample.value)}\n`;
}

function renderFamily(family: Family): string {
  const lines = [`# HELP ${family.name} ${escapeHelp(family.help)}\n`, `# TYPE ${family.name} gauge\n`];
  for (const sample of family.samples) lines.push(sampleLine(family.name, sample));
  return lines.join('');
}

/** A score that is null (nothing applied) has no sample: an absent series, not a fake 0 or 100. */
function scoreSamples(score: number | null, labels?: Labels): Sample[] {
  return score === null ? [] : [{ ...(labels ? { labels } : {}), value: score }];
}

function metricFamilies(summary: Summary, counts: FindingCounts, controls: readonly ControlMeta[], gaps: number): Family[] {
  const findings: Sample[] = [];
  for (const severity of SEVERITIES) {
    findings.push({ labels: { severity, excepted: 'false' }, value: counts.open[severity] });
    findings.push({ labels: { severity, excepted: 'true' }, value: counts.excepted[severity] });
  }
  return [
    { name: 'kspm_posture_score', help: 'Posture score of the scan, 0-100 (absent when no control applied to anything).', samples: scoreSamples(summary.score) },
    {
      name: 'kspm_cluster_posture_score',
      help: 'Posture score per scanned cluster (kubeconfig context), 0-100.',
      samples: (summary.clusters ?? []).flatMap((cluster) => scoreSamples(cluster.score, { cluster: cluster.context })),
    },
    { name: 'kspm_findings', help: 'Findings per severity; excepted="true" counts those an active exception covers.', samples: findings },
    {
      name: 'kspm_control_findings',
      help: 'Open findings (not covered by an active exception) per evaluated control.',
      samples: controls.map((control) => ({ labels: { control: control.id, severity: control.severity }, value: counts.perControl.get(control.id) ?? 0 })),
    },
    {
      name: 'kspm_framework_score',
      help: 'Score per framework, 0-100 (absent when none of its controls applied to anything).',
      samples: summary.frameworks.flatMap((framework) => scoreSamples(framework.score, { framework: framework.id })),
    },
    { name: 'kspm_resources_scanned', help: 'Resources the scan read.', samples: [{ value: summary.resources }] },
    { name: 'kspm_scan_errors', help: 'Inputs that could not be read, rendered or parsed, and clusters that could not be reached.', samples: [{ value: summary.errors }] },
    { name: 'kspm_coverage_gaps', help: 'Resources of a cluster kspm was not allowed to list (their posture is unknown).', samples: [{ value: gaps }] },
    { name: 'kspm_scan_timestamp_seconds', help: 'When the scan finished, in seconds since the Unix epoch.', samples: [{ value: Date.parse(summary.finishedAt) / 1000 }] },
  ];
}

export class PrometheusSink implements ReportSink {
  private readonly writer: StreamWriter;
  private controls: readonly ControlMeta[] = [];
  private readonly counts: FindingCounts = { open: zeroes(), excepted: zeroes(), perControl: new Map() };
  private gaps = 0;

  constructor(out: NodeJS.WritableStream) {
    this.writer = new StreamWriter(out);
  }

  begin(header: ReportHeader): void {
    this.controls = header.controls;
  }

  resource(): void {}

  finding(finding: Finding): void {
    if (isExcepted(finding)) {
      this.counts.excepted[finding.severity]++;
      return;
    }
    this.counts.open[finding.severity]++;
    this.counts.perControl.set(finding.controlId, (this.counts.perControl.get(finding.controlId) ?? 0) + 1);
  }

  error(): void {}

  gap(_gap: CoverageGap): void {
    this.gaps++;
  }

  async end(summary: Summary): Promise<void> {
    for (const family of metricFamilies(summary, this.counts, this.controls, this.gaps)) await this.writer.write(renderFamily(family));
    await this.writer.flush();
  }
}
