import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { metadataOnly } from '../cluster/list.js';
import type { ClusterEvent } from '../cluster/events.js';
import type { K8sObject } from '../model/k8s.js';
import type { ToolInfo } from '../model/report.js';
import { StreamWriter } from '../outputs/writer.js';
import { SNAPSHOT_KIND, SNAPSHOT_VERSION, type SnapshotHeader } from './format.js';

/** A Secret as a snapshot keeps it: metadata (its last-applied copy blanked) and type, never data. */
function stored(object: K8sObject): K8sObject {
  return object.kind === 'Secret' && (object.apiVersion === 'v1' || object.apiVersion === undefined)
    ? ({ apiVersion: object.apiVersion, kind: object.kind, ...metadataOnly(object) } as K8sObject)
    : object;
}

/** Writes the events of one or more clusters into a snapshot, compressing as it goes. */
export class SnapshotWriter {
  private readonly gzip = createGzip();
  private readonly writer = new StreamWriter(this.gzip);
  private readonly counts = { clusters: 0, objects: 0, gaps: 0 };

  constructor(private readonly out: NodeJS.WritableStream) {
    this.gzip.pipe(out);
  }

  async begin(tool: ToolInfo, collectedAt: Date): Promise<void> {
    const header: SnapshotHeader = { kind: SNAPSHOT_KIND, version: SNAPSHOT_VERSION, tool: { name: tool.name, version: tool.version }, collectedAt: collectedAt.toISOString() };
    await this.line(header);
  }

  async write(event: ClusterEvent): Promise<void> {
    if (event.type === 'cluster') this.counts.clusters++;
    if (event.type === 'object') {
      this.counts.objects++;
      return this.line({ type: 'object', apiPath: event.apiPath, object: stored(event.object) });
    }
    if (event.type === 'gap') this.counts.gaps++;
    await this.line(event);
  }

  /** Writes the closing record and waits until every byte has reached the output. */
  async end(): Promise<{ clusters: number; objects: number; gaps: number }> {
    await this.line({ type: 'end', ...this.counts });
    await this.writer.flush();
    const finished = once(this.out, 'finish');
    this.gzip.end();
    await finished;
    return { ...this.counts };
  }

  private async line(record: unknown): Promise<void> {
    await this.writer.write(`${JSON.stringify(record)}\n`);
  }
}
