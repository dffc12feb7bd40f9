import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { ClusterEvent } from '../cluster/events.js';
import type { K8sObject } from '../model/k8s.js';
import type { InputError } from '../model/resource.js';
import { headerSchema, recordSchema, SNAPSHOT_KIND, SNAPSHOT_VERSION } from './format.js';

type Numbered = { event: ClusterEvent; line: number } | { error: InputError };

const GZIP_MAGIC = [0x1f, 0x8b];

function invalid(file: string, message: string, line?: number): { error: InputError } {
  return { error: { file, ...(line !== undefined ? { line } : {}), code: 'invalid-snapshot', message } };
}

function parseLine(text: string): { value: unknown } | { problem: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { problem: `not JSON: ${(error as Error).message}` };
  }
}

function issues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`).join('; ');
}

/**
 * The records of a snapshot, checked one line at a time: a line that is not a valid record is reported with its
 * number and skipped; a file that is not a kspm snapshot at all, or one that stops before its end record, is
 * reported as such.
 */
async function* snapshotRecords(file: string): AsyncGenerator<Numbered> {
  const stream = createReadStream(file);
  const opened = await new Promise<Error | undefined>((resolve) => {
    stream.once('readable', () => resolve(undefined));
    stream.once('error', (error) => resolve(error));
  });
  if (opened) return yield invalid(file, `cannot read the snapshot: ${opened.message}`);
  const magic = stream.read(2) as Buffer | null;
  if (magic === null || magic[0] !== GZIP_MAGIC[0] || magic[1] !== GZIP_MAGIC[1]) {
    stream.destroy();
    return yield invalid(file, 'not a kspm snapshot: the file is not gzip-compressed (write one with kspm collect)');
  }
  stream.unshift(magic);
  const gunzip = stream.pipe(createGunzip());
  const lines = createInterface({ input: gunzip, crlfDelay: Infinity });
  let number = 0;
  let ended = false;
  let cluster: string | undefined;
  try {
    for await (const text of lines) {
      number++;
      if (text.trim() === '') continue;
      const parsed = parseLine(text);
      if ('problem' in parsed) {
        if (number === 1) return yield invalid(file, `not a kspm snapshot: ${parsed.problem}`, number);
        yield invalid(file, parsed.problem, number);
        continue;
      }
      if (number === 1) {
        const header = headerSchema.safeParse(parsed.value);
        if (!header.success) return yield invalid(file, `not a kspm snapshot: the first line is not a ${SNAPSHOT_KIND} header (${issues(header.error)})`, 1);
        if (header.data.version !== SNAPSHOT_VERSION) {
          return yield invalid(file, `snapshot layout version ${header.data.version} is not supported (this kspm reads version ${SNAPSHOT_VERSION})`, 1);
        }
        continue;
      }
      const record = recordSchema.safeParse(parsed.value);
      if (!record.success) {
        yield invalid(file, `invalid record: ${issues(record.error)}`, number);
        continue;
      }
      const value = record.data;
      if (ended) {
        yield invalid(file, 'records after the end record are ignored', number);
        break;
      }
      if (value.type === 'end') {
        ended = true;
        continue;
      }
      if (value.type === 'cluster') cluster = value.context;
      else if (cluster === undefined && value.type !== 'error') {
        yield invalid(file, `a ${value.type} record before any cluster record`, number);
        continue;
      }
      yield { event: value.type === 'object' ? { type: 'object', apiPath: value.apiPath, object: value.object as K8sObject } : value, line: number };
    }
  } catch (error) {
    return yield invalid(file, `the snapshot is damaged after line ${number}: ${(error as Error).message}`);
  }
  if (number === 0) return yield invalid(file, 'not a kspm snapshot: it is empty');
  if (!ended) yield invalid(file, `the snapshot is incomplete: it stops at line ${number} without its end record (was kspm collect interrupted?)`);
}

/** One cluster of a snapshot, or problems with the file that belong to no cluster. */
export type SnapshotPart = AsyncIterable<ClusterEvent>;

/**
 * The clusters of a snapshot, each as the event stream its live read produced, read lazily in file order: each part
 * must be consumed before the next is asked for (the scan does that). Problems with the file arrive as error events.
 */
export async function* snapshotParts(file: string): AsyncGenerator<SnapshotPart> {
  const records = snapshotRecords(file)[Symbol.asyncIterator]();
  let next = await records.next();
  const asEvent = (item: Numbered): ClusterEvent => ('error' in item ? { type: 'error', error: item.error } : item.event);
  while (!next.done) {
    const first = next.value;
    let exhausted = false;
    const part = async function* (): AsyncGenerator<ClusterEvent> {
      yield asEvent(first);
      for (;;) {
        next = await records.next();
        if (next.done || ('event' in next.value && next.value.event.type === 'cluster')) break;
        yield asEvent(next.value);
      }
      exhausted = true;
    };
    yield part();
    // A consumer that stopped early leaves the rest of its cluster unread: skip to the next cluster record.
    while (!exhausted && !next.done && !('event' in next.value && next.value.event.type === 'cluster' && next.value !== first)) next = await records.next();
  }
}
