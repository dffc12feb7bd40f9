import type { CoverageGap } from '../model/cluster.js';
import type { Finding } from '../model/finding.js';
import type { ReportHeader, ReportSink, Summary } from '../model/report.js';
import type { InputError } from '../model/resource.js';

/**
 * A report sink that keeps what a compliance report needs: every finding (a framework control shows the findings of
 * its checks, whichever order they came in), the input errors and coverage gaps, and the summary's tallies.
 */
export class CollectingSink implements ReportSink {
  header: ReportHeader | undefined;
  readonly findings: Finding[] = [];
  readonly errors: InputError[] = [];
  readonly gaps: CoverageGap[] = [];
  summary: Summary | undefined;

  begin(header: ReportHeader): void {
    this.header = header;
  }

  resource(): void {}

  finding(finding: Finding): void {
    this.findings.push(finding);
  }

  error(error: InputError): void {
    this.errors.push(error);
  }

  gap(gap: CoverageGap): void {
    this.gaps.push(gap);
  }

  async end(summary: Summary): Promise<void> {
    this.summary = summary;
  }
}
