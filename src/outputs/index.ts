import type { ReportSink } from '../model/report.js';
import { HtmlSink } from './html.js';
import { JsonSink } from './json.js';
import { JunitSink } from './junit.js';
import { SarifSink } from './sarif.js';
import { TableSink } from './table.js';

export type OutputFormat = 'table' | 'json' | 'sarif' | 'junit' | 'html';

/** Every report format; the first is the default. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'sarif', 'junit', 'html'];

/** A sink writing one format to `out`. The caller owns `out`: `end()` resolves once `out` accepted everything. */
export function createSink(format: OutputFormat, out: NodeJS.WritableStream, options: { color: boolean }): ReportSink {
  switch (format) {
    case 'table':
      return new TableSink(out, options);
    case 'json':
      return new JsonSink(out);
    case 'sarif':
      return new SarifSink(out);
    case 'junit':
      return new JunitSink(out);
    case 'html':
      return new HtmlSink(out);
  }
}
