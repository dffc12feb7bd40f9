import type { ControlMeta } from '../controls/types.js';
import { isExcepted, type AppliedException, type Finding } from '../model/finding.js';
import type { ReportHeader, ReportSink, Summary } from '../model/report.js';
import type { CoverageGap } from '../model/cluster.js';
import { describeRef, type InputError, type SourceLocation } from '../model/resource.js';
import { formatSource, isStdin, oneBased } from './location.js';
import { formatFound } from './values.js';
import { StreamWriter } from './writer.js';
import { xmlAttributes, xmlText } from './xml.js';

const INPUT_ERRORS_SUITE = 'input-errors';
const COVERAGE_GAPS_SUITE = 'coverage-gaps';

interface Suite {
  controlId: string;
  title: string;
  severity: string;
  cases: string[];
  failures: number;
  skipped: number;
}

function exceptionDetails(exception: AppliedException): string {
  return [
    `reason: ${exception.reason}`,
    exception.owner ? `owner: ${exception.owner}` : '',
    exception.expires ? `expires: ${exception.expires}` : '',
  ]
    .filter((part) => part !== '')
    .join('; ');
}

/** The `file` and `line` attributes CI tools link to: only for files, not for objects read from a cluster. */
function fileAttributes(source: SourceLocation | InputError): { file?: string; line?: number } {
  if ('apiPath' in source || ('cluster' in source && source.cluster !== undefined)) return {};
  const line = oneBased(source.line);
  return { ...(source.file === '' || isStdin(source.file) ? {} : { file: source.file }), ...(line !== undefined ? { line } : {}) };
}

function testcase(classname: string, name: string, where: SourceLocation | InputError, body: string): string {
  return `    <testcase${xmlAttributes({ classname, name, ...fileAttributes(where) })}>\n${body}    </testcase>\n`;
}

function findingCase(finding: Finding): string {
  const name = `${describeRef(finding.resource)} ${finding.path}`.trim();
  const classname = `kspm.${finding.controlId}`;
  if (finding.exception && isExcepted(finding)) {
    const skipped = `      <skipped${xmlAttributes({ message: `excepted: ${exceptionDetails(finding.exception)}` })}/>\n`;
    return testcase(classname, name, finding.source, skipped);
  }
  const details = [
    `${describeRef(finding.resource)} at ${formatSource(finding.source)}`,
    `path: ${finding.path}`,
    `found: ${formatFound(finding.evidence.found)}`,
    `expected: ${finding.evidence.expected}`,
    `remediation: ${finding.remediation}`,
    ...(finding.exception?.status === 'expired' ? [`exception expired (${exceptionDetails(finding.exception)}): the finding counts as open`] : []),
  ].join('\n');
  const failure = `      <failure${xmlAttributes({ message: finding.message, type: finding.severity })}>${xmlText(details)}</failure>\n`;
  return testcase(classname, name, finding.source, failure);
}

function errorCase(error: InputError): string {
  const where = formatSource(error);
  const failure = `      <failure${xmlAttributes({ message: error.message, type: error.code })}>${xmlText(`${where}\n${error.code}: ${error.message}`)}</failure>\n`;
  return testcase(`kspm.${INPUT_ERRORS_SUITE}`, where, error, failure);
}

function seconds(from: string, to: string): string {
  const elapsed = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(elapsed) && elapsed >= 0 ? elapsed.toFixed(3) : '0';
}

/**
 * JUnit XML for CI test reports: a test suite per evaluated control with a failing test case per open finding, a
 * skipped one per excepted finding and a passing one when nothing failed; input errors fail a suite of their own.
 * Findings are kept, rendered, until the end: the counts in the suite attributes must come first.
 */
export class JunitSink implements ReportSink {
  private readonly writer: StreamWriter;
  private header: ReportHeader | undefined;
  private readonly suites = new Map<string, Suite>();
  private readonly errorCases: string[] = [];
  private readonly gapCases: string[] = [];

  constructor(out: NodeJS.WritableStream) {
    this.writer = new StreamWriter(out);
  }

  begin(header: ReportHeader): void {
    this.header = header;
  }

  resource(): void {}

  finding(finding: Finding): void {
    const suite = this.suite(finding.controlId, { title: finding.title, severity: finding.severity });
    suite.cases.push(findingCase(finding));
    if (isExcepted(finding)) suite.skipped++;
    else suite.failures++;
  }

  error(error: InputError): void {
    this.errorCases.push(errorCase(error));
  }

  gap(gap: CoverageGap): void {
    const name = `${gap.cluster}: ${gap.resource}`;
    const skipped = `      <skipped${xmlAttributes({ message: `not read (${gap.status > 0 ? `HTTP ${gap.status}: ` : ''}${gap.reason})` })}/>\n`;
    this.gapCases.push(`    <testcase${xmlAttributes({ classname: `kspm.${COVERAGE_GAPS_SUITE}`, name })}>\n${skipped}    </testcase>\n`);
  }

  async end(summary: Summary): Promise<void> {
    const controls: readonly ControlMeta[] = this.header?.controls ?? [];
    const titles = new Map(controls.map((control) => [control.id, control]));
    for (const tally of summary.controls) {
      if (tally.evaluated === 0) continue;
      const suite = this.suite(tally.controlId, titles.get(tally.controlId) ?? { title: '', severity: tally.severity });
      if (suite.cases.length === 0) {
        const subject = tally.evaluated === 1 ? '1 resource' : `${tally.evaluated} resources`;
        suite.cases.push(`    <testcase${xmlAttributes({ classname: `kspm.${tally.controlId}`, name: `${subject} evaluated, none failed` })}/>\n`);
      }
    }
    const order = new Map(controls.map((control, index) => [control.id, index]));
    const suites = [...this.suites.values()].sort((a, b) => (order.get(a.controlId) ?? order.size) - (order.get(b.controlId) ?? order.size));
    if (this.errorCases.length > 0) {
      suites.push({ controlId: INPUT_ERRORS_SUITE, title: '', severity: '', cases: this.errorCases, failures: this.errorCases.length, skipped: 0 });
    }
    if (this.gapCases.length > 0) {
      suites.push({ controlId: COVERAGE_GAPS_SUITE, title: '', severity: '', cases: this.gapCases, failures: 0, skipped: this.gapCases.length });
    }

    const startedAt = this.header?.startedAt;
    const totals = suites.reduce(
      (sum, suite) => ({ tests: sum.tests + suite.cases.length, failures: sum.failures + suite.failures, skipped: sum.skipped + suite.skipped }),
      { tests: 0, failures: 0, skipped: 0 },
    );
    await this.writer.write(
      `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${xmlAttributes({
        name: 'kspm',
        ...totals,
        errors: 0,
        time: startedAt ? seconds(startedAt, summary.finishedAt) : undefined,
        timestamp: startedAt,
      })}>\n`,
    );
    for (const suite of suites) {
      const name = suite.title ? `${suite.controlId}: ${suite.title}` : suite.controlId;
      await this.writer.write(
        `  <testsuite${xmlAttributes({ name, tests: suite.cases.length, failures: suite.failures, errors: 0, skipped: suite.skipped, timestamp: startedAt })}>\n`,
      );
      if (suite.severity) await this.writer.write(`    <properties>\n      <property${xmlAttributes({ name: 'severity', value: suite.severity })}/>\n    </properties>\n`);
      for (const testcaseXml of suite.cases) await this.writer.write(testcaseXml);
      await this.writer.write('  </testsuite>\n');
    }
    await this.writer.write('</testsuites>\n');
    await this.writer.flush();
  }

  private suite(controlId: string, control: { title: string; severity: string }): Suite {
    let suite = this.suites.get(controlId);
    if (!suite) {
      suite = { controlId, title: control.title, severity: control.severity, cases: [], failures: 0, skipped: 0 };
      this.suites.set(controlId, suite);
    }
    return suite;
  }
}
