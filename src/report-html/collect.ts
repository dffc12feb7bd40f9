/** Keeps what the HTML report will show of a streamed scan: a bounded number of findings per control, the rest counted. */
import { isExcepted, type Finding } from '../model/finding.js';
import { FINDINGS_PER_CONTROL, type OmittedFindings } from './findings.js';

export class FindingCollector {
  readonly findings: Finding[] = [];
  readonly omitted = new Map<string, OmittedFindings>();
  private readonly kept = new Map<string, OmittedFindings>();

  constructor(private readonly cap: number = FINDINGS_PER_CONTROL) {}

  add(finding: Finding): void {
    const kind = isExcepted(finding) ? 'excepted' : 'open';
    const kept = this.counter(this.kept, finding.controlId);
    if (kept[kind] < this.cap) {
      kept[kind]++;
      this.findings.push(finding);
    } else {
      this.counter(this.omitted, finding.controlId)[kind]++;
    }
  }

  private counter(map: Map<string, OmittedFindings>, controlId: string): OmittedFindings {
    let counts = map.get(controlId);
    if (!counts) map.set(controlId, (counts = { open: 0, excepted: 0 }));
    return counts;
  }
}
