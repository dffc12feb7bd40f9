import type { ReportSink } from '../model/report.js';
import { HtmlSink, type HtmlExtras } from './html.js';
import { CsvSink } from './csv.js';
import { JsonSink } from './json.js';
import { JunitSink } from './junit.js';
import { PolicyReportSink } from './policyreport.js';
import { PrometheusSink } from './prometheus.js';
import { SarifSink } from './sarif.js';
import { TableSink } from './table.js';

export type OutputFormat = 'table' | 'json' | 'sarif' | 'junit' | 'html' | 'csv' | 'policyreport' | 'prometheus';

/** Every report format; the first is the default. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'sarif', 'junit', 'html', 'csv', 'policyreport', 'prometheus'];

/**
 * A sink writing one format to `out`. The caller owns `out`: `end()` resolves once `out` accepted everything. `html`
 * takes the extras its audit report shows (risks, attack paths, compliance).
 */
export function createSink(format: OutputFormat, out: NodeJS.WritableStream, options: { color: boolean; html?: HtmlExtras }): ReportSink {
  switch (format) {
    case 'table':
      return new TableSink(out, options);
    case 'json':
      return new JsonSink(out);
    case 'sarif':
      return new SarifSink(out);
    case 'junit':
      return new JunitSink(out);
    case 'csv':
      return new CsvSink(out);
    case 'policyreport':
      return new PolicyReportSink(out);
    case 'prometheus':
      return new PrometheusSink(out);
    case 'html':
      return new HtmlSink(out, options.html);
  }
}
