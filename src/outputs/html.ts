import type { CoverageGap } from '../model/cluster.js';
import type { Finding } from '../model/finding.js';
import type { ReportHeader, ReportSink, Summary } from '../model/report.js';
import type { InputError } from '../model/resource.js';
import { FindingCollector, renderHtmlReport, type HtmlReportInput } from '../report-html/index.js';
import { StreamWriter } from './writer.js';

/**
 * The self-contained HTML audit report. A page is laid out as a whole (summary first, findings grouped by control),
 * so the sink collects, keeping at most a page's worth of findings per control, and renders once at the end.
 */
/** What the page shows beyond the scan itself (risks, attack paths, compliance), known once the scan has ended. */
export type HtmlExtras = (summary: Summary, findings: readonly Finding[]) => Pick<HtmlReportInput, 'risks' | 'paths' | 'compliance'>;

export class HtmlSink implements ReportSink {
  private readonly writer: StreamWriter;
  private header: ReportHeader | undefined;
  private readonly collector = new FindingCollector();
  private readonly errors: InputError[] = [];
  private readonly gaps: CoverageGap[] = [];

  constructor(
    out: NodeJS.WritableStream,
    private readonly extras?: HtmlExtras,
  ) {
    this.writer = new StreamWriter(out);
  }

  begin(header: ReportHeader): void {
    this.header = header;
  }

  resource(): void {}

  finding(finding: Finding): void {
    this.collector.add(finding);
  }

  error(error: InputError): void {
    this.errors.push(error);
  }

  gap(gap: CoverageGap): void {
    this.gaps.push(gap);
  }

  async end(summary: Summary): Promise<void> {
    if (!this.header) throw new Error('HtmlSink: begin() must be called before end()');
    const html = renderHtmlReport({
      header: this.header,
      summary,
      findings: this.collector.findings,
      errors: this.errors,
      gaps: this.gaps,
      omitted: this.collector.omitted,
      ...this.extras?.(summary, this.collector.findings),
    });
    await this.writer.write(html);
    await this.writer.flush();
  }
}
