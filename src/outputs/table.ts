import pc from 'picocolors';
import { isExcepted, type AppliedException, type Finding } from '../model/finding.js';
import type { CoverageGap } from '../model/cluster.js';
import type { ClusterSummary, ReportHeader, ReportSink, Summary } from '../model/report.js';
import { describeRef, isClusterLocation, type InputError } from '../model/resource.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { formatSource, isStdin } from './location.js';
import { formatFound } from './values.js';
import { wrap } from './wrap.js';
import { StreamWriter } from './writer.js';

type Colors = ReturnType<typeof pc.createColors>;

const DEFAULT_WIDTH = 100;
const MAX_WIDTH = 120;
const LABEL_WIDTH = 11;

function severityColor(colors: Colors, severity: Severity): (text: string) => string {
  switch (severity) {
    case 'critical':
      return (text) => colors.bold(colors.red(text));
    case 'high':
      return colors.red;
    case 'medium':
      return colors.yellow;
    case 'low':
      return colors.blue;
    case 'info':
      return colors.gray;
  }
}

/** The first sentence: enough to say what to do; the full text is in `kspm controls` and the other formats. */
/** The remediation's first sentence: up to a full stop followed by a new sentence, not one inside "e.g." or "i.e.". */
function firstSentence(text: string): string {
  const match = /^(.+?(?<!\b(?:e\.g|i\.e|etc|vs))[.!?])\s+(?=[A-Z`*])/s.exec(text);
  return match ? match[1]! : text;
}

function exceptionDetails(exception: AppliedException): string {
  return [`reason: ${exception.reason}`, `owner: ${exception.owner ?? '-'}`, `expires: ${exception.expires ?? 'never'}`].join('; ');
}

/** Control characters from a manifest must not reach a terminal, where escape sequences could rewrite the screen. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The human report (the default): open findings grouped by severity, worst first, then excepted findings, input
 * errors and the summary. Findings are held until the end to group them.
 */
export class TableSink implements ReportSink {
  private readonly writer: StreamWriter;
  private readonly colors: Colors;
  private readonly width: number;
  private header: ReportHeader | undefined;
  private readonly open = new Map<Severity, Finding[]>(SEVERITIES.map((severity) => [severity, []]));
  private readonly excepted: Finding[] = [];
  /** Findings ranked by risk (`--top`), in the order they came: highest score first. */
  private readonly ranked: Finding[] = [];
  private readonly errors: InputError[] = [];
  private readonly gaps: CoverageGap[] = [];

  constructor(out: NodeJS.WritableStream, options: { color: boolean }) {
    this.writer = new StreamWriter(out);
    this.colors = pc.createColors(options.color);
    const columns = (out as { columns?: unknown }).columns;
    this.width = typeof columns === 'number' && columns >= 40 ? Math.min(columns, MAX_WIDTH) : DEFAULT_WIDTH;
  }

  begin(header: ReportHeader): void {
    this.header = header;
  }

  resource(): void {}

  finding(finding: Finding): void {
    if (finding.risk) this.ranked.push(finding);
    else if (isExcepted(finding)) this.excepted.push(finding);
    else this.open.get(finding.severity)?.push(finding);
  }

  error(error: InputError): void {
    this.errors.push(error);
  }

  gap(gap: CoverageGap): void {
    this.gaps.push(gap);
  }

  async end(summary: Summary): Promise<void> {
    const c = this.colors;
    if (this.header) {
      const title = `${this.header.tool.name} ${this.header.tool.version}`;
      const inputs = printable(this.header.inputs.map((input) => (isStdin(input) ? '<stdin>' : input)).join(', '));
      await this.writer.write(`${c.bold(title)} ${c.dim(wrap(`scan of ${inputs}`, this.width, 2, title.length + 1))}\n`);
    }
    let anyOpen = this.ranked.length > 0;
    if (anyOpen) {
      const detail = `the ${plural(this.ranked.length, 'open finding')} with the highest risk score, highest first (kspm scan --top)`;
      await this.section(c.bold('MOST URGENT'), detail, this.ranked.map((finding) => this.openFinding(finding)));
    }
    for (const severity of SEVERITIES) {
      const findings = this.open.get(severity) ?? [];
      if (findings.length === 0) continue;
      anyOpen = true;
      await this.section(severityColor(c, severity)(severity.toUpperCase()), plural(findings.length, 'open finding'), findings.map((finding) => this.openFinding(finding)));
    }
    if (!anyOpen) await this.writer.write(`\n${c.green('No open findings.')}\n`);
    if (this.excepted.length > 0) {
      const detail = `${plural(this.excepted.length, 'finding')} covered by an active exception (not counted)`;
      await this.section(c.dim('EXCEPTED'), detail, this.excepted.map((finding) => this.exceptedFinding(finding)));
    }
    if (this.errors.length > 0) {
      const lines = this.errors.map((error) => {
        const where = printable(formatSource(error));
        return `  ${c.bold(where)}  ${wrap(printable(`${error.code}: ${error.message}`), this.width, 4, where.length + 4)}\n`;
      });
      await this.section(c.magenta('INPUT ERRORS'), `${plural(this.errors.length, 'input')} could not be scanned`, [lines.join('')]);
    }
    if (this.gaps.length > 0) {
      const lines = this.gaps.map((gap) => {
        const what = printable(`${gap.cluster}: ${gap.resource}`);
        return `  ${c.bold(what)}  ${wrap(printable(`${gap.status > 0 ? `HTTP ${gap.status}: ` : ''}${gap.reason}`), this.width, 4, what.length + 4)}\n`;
      });
      await this.section(c.yellow('COVERAGE GAPS'), `${plural(this.gaps.length, 'resource type')} could not be read; nothing in them was judged`, [lines.join('')]);
    }
    if (summary.riskiestWorkloads && summary.riskiestWorkloads.length > 0) {
      const blocks = summary.riskiestWorkloads.map((risk) => {
        const name = describeRef({ apiVersion: '', ...risk.workload });
        const head = `${c.bold(`[risk ${risk.score}]`)} ${printable(risk.cluster ? `${risk.cluster}: ${name}` : name)}  ${c.dim(plural(risk.findings, 'open finding'))}\n`;
        return head + risk.factors.map((factor) => this.field(`+${factor.weight}`, `${factor.name}: ${factor.evidence}`)).join('');
      });
      await this.section(c.bold('RISKIEST WORKLOADS'), 'scored by their worst finding, with their own context', blocks);
    }
    await this.section(c.bold('SUMMARY'), '', [this.summary(summary)]);
    await this.writer.flush();
  }

  /** A heading, a rule, and its blocks with a blank line between them. */
  private async section(title: string, detail: string, blocks: string[]): Promise<void> {
    await this.writer.write(`\n${title}${detail ? `  ${this.colors.dim(detail)}` : ''}\n${'-'.repeat(this.width)}\n`);
    for (const [index, block] of blocks.entries()) await this.writer.write(index === 0 ? block : `\n${block}`);
  }

  private field(label: string, value: string, paint: (text: string) => string = (text) => text): string {
    const prefix = `  ${`${label}:`.padEnd(LABEL_WIDTH)}`;
    return `${this.colors.dim(prefix)}${paint(wrap(printable(value), this.width, prefix.length))}\n`;
  }

  private openFinding(finding: Finding): string {
    const c = this.colors;
    const risk = finding.risk ? `risk ${finding.risk.score} ` : '';
    const tag = severityColor(c, finding.severity)(`[${risk}${finding.severity}]`);
    const lines = [
      `${tag} ${c.bold(printable(finding.controlId))}  ${wrap(printable(finding.title), this.width, 2, risk.length + finding.severity.length + finding.controlId.length + 5)}\n`,
      this.field('resource', describeRef(finding.resource)),
      this.field(isClusterLocation(finding.source) ? 'cluster' : 'file', formatSource(finding.source)),
      this.field('path', finding.path || '-'),
      this.field('problem', finding.message),
      this.field('found', formatFound(finding.evidence.found)),
      this.field('expected', finding.evidence.expected),
      this.field('fix', firstSentence(finding.remediation)),
      ...(finding.risk?.factors ?? []).map((factor) => this.field(`+${factor.weight}`, `${factor.name}: ${factor.evidence}`)),
    ];
    if (finding.exception?.status === 'expired') {
      lines.push(this.field('EXPIRED', `exception no longer applies (${exceptionDetails(finding.exception)}); the finding counts as open`, c.yellow));
    }
    return lines.join('');
  }

  private exceptedFinding(finding: Finding): string {
    const c = this.colors;
    const exception = finding.exception!;
    return c.dim(
      [
        `[${finding.severity}] ${printable(finding.controlId)}  ${printable(finding.title)}\n`,
        this.field('resource', describeRef(finding.resource)),
        this.field(isClusterLocation(finding.source) ? 'cluster' : 'file', formatSource(finding.source)),
        this.field('path', finding.path || '-'),
        this.field('exception', `${exceptionDetails(exception)} (from ${exception.origin})`),
      ].join(''),
    );
  }

  private summary(summary: Summary): string {
    const c = this.colors;
    const counts = SEVERITIES.map((severity) => {
      const count = summary.findings.bySeverity[severity] ?? 0;
      const text = `${count} ${severity}`;
      return count > 0 ? severityColor(c, severity)(text) : text;
    }).join(', ');
    const row = (label: string, value: string) => `  ${label.padEnd(20)}${value}\n`;
    const score = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(1)}/100`);
    const frameworks = summary.frameworks.map((framework) => {
      const detail = `${framework.title} (${framework.failedControls} of ${plural(framework.controls, 'control')} failing)`;
      return `    ${printable(framework.id).padEnd(16)}${score(framework.score).padEnd(12)}${wrap(printable(detail), this.width, 32, 32)}\n`;
    });
    return [
      row('Resources scanned', String(summary.resources)),
      row('Open findings', counts),
      row('Excepted', String(summary.findings.excepted)),
      row('Expired exceptions', summary.findings.expiredExceptions > 0 ? c.yellow(String(summary.findings.expiredExceptions)) : '0'),
      row('Input errors', summary.errors > 0 ? c.magenta(String(summary.errors)) : '0'),
      row('Posture score', c.bold(summary.score === null ? 'n/a (no control applied to anything scanned)' : score(summary.score))),
      ...(frameworks.length > 0 ? ['  Frameworks\n', ...frameworks] : []),
      ...(summary.clusters && summary.clusters.length > 0 ? ['  Clusters\n', ...summary.clusters.map((cluster) => this.clusterRow(cluster, score))] : []),
    ].join('');
  }

  private clusterRow(cluster: ClusterSummary, score: (value: number | null) => string): string {
    const open = SEVERITIES.reduce((sum, severity) => sum + cluster.bySeverity[severity], 0);
    const platform = cluster.platform.distribution === 'unknown' ? '' : `${cluster.platform.distribution}, `;
    const detail = `${cluster.serverVersion ?? 'version unknown'} (${platform}${plural(cluster.resources, 'resource')}, ${plural(open, 'open finding')}${cluster.gaps.length > 0 ? `, ${plural(cluster.gaps.length, 'gap')}` : ''})`;
    return `    ${printable(cluster.context).padEnd(16)}${score(cluster.score).padEnd(12)}${wrap(printable(detail), this.width, 32, 32)}\n`;
  }
}
