import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ClusterEvent } from '../cluster/events.js';
import { snapshotParts } from './read.js';
import { SnapshotWriter } from './write.js';

const dir = mkdtempSync(join(tmpdir(), 'kspm-snapshot-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const TOOL = { name: 'kspm' as const, version: '0.1.0' };
const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop' }, spec: { containers: [{ name: 'app', image: 'app:1' }] } });

function clusterEvents(context: string, pods: number): ClusterEvent[] {
  return [
    { type: 'cluster', context, server: `https://${context}.example:6443`, serverVersion: 'v1.33.1', servedVersions: ['apps/v1', 'v1'] },
    ...Array.from({ length: pods }, (_, index): ClusterEvent => ({ type: 'object', apiPath: `/api/v1/namespaces/shop/pods/p${index}`, object: pod(`p${index}`) })),
    { type: 'gap', gap: { cluster: context, resource: 'secrets', status: 403, reason: 'forbidden' } },
  ];
}

async function write(file: string, events: ClusterEvent[]): Promise<void> {
  const writer = new SnapshotWriter(createWriteStream(file));
  await writer.begin(TOOL, new Date('2026-11-27T00:00:00Z'));
  for (const event of events) await writer.write(event);
  await writer.end();
}

async function readAll(file: string): Promise<ClusterEvent[][]> {
  const parts: ClusterEvent[][] = [];
  for await (const part of snapshotParts(file)) {
    const events: ClusterEvent[] = [];
    for await (const event of part) events.push(event);
    parts.push(events);
  }
  return parts;
}

const errorsOf = (parts: ClusterEvent[][]) => parts.flat().flatMap((event) => (event.type === 'error' ? [event.error] : []));

describe('snapshots', () => {
  it('give back, cluster by cluster, exactly the events written', async () => {
    const file = join(dir, 'two.gz');
    const prod = clusterEvents('prod', 3);
    const staging = clusterEvents('staging', 2);
    await write(file, [...prod, ...staging]);
    assert.deepEqual(await readAll(file), [prod, staging]);
  });

  it('keep a Secret as metadata and type only, with its last-applied copy blanked', async () => {
    const file = join(dir, 'secret.gz');
    const secret = {
      apiVersion: 'v1', kind: 'Secret', type: 'Opaque', data: { password: 'c2VjcmV0' }, stringData: { token: 'plain' },
      metadata: { name: 'db', namespace: 'shop', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"stringData":{"token":"plain"}}', team: 'shop' } },
    };
    await write(file, [clusterEvents('prod', 0)[0]!, { type: 'object', apiPath: '/api/v1/namespaces/shop/secrets/db', object: secret }]);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    assert.ok(!text.includes('c2VjcmV0') && !text.includes('plain'), text);
    const [[, stored]] = await readAll(file) as [[ClusterEvent, ClusterEvent]];
    assert.deepEqual(stored, {
      type: 'object', apiPath: '/api/v1/namespaces/shop/secrets/db',
      object: { apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'db', namespace: 'shop', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '<redacted by kspm>', team: 'shop' } } },
    });
  });

  it('report a bad line by number and read on', async () => {
    const file = join(dir, 'bad-line.gz');
    await write(file, clusterEvents('prod', 2));
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    lines.splice(2, 0, '{"type":"object","apiPath":""}', '{not json');
    writeFileSync(file, gzipSync(lines.join('\n')));
    const parts = await readAll(file);
    assert.equal(parts[0]!.filter((event) => event.type === 'object').length, 2);
    assert.deepEqual(errorsOf(parts).map((error) => [error.line, error.code]), [[3, 'invalid-snapshot'], [4, 'invalid-snapshot']]);
    assert.match(errorsOf(parts)[0]!.message, /invalid record: .*apiPath/);
  });

  it('say a snapshot cut short is incomplete', async () => {
    const file = join(dir, 'cut.gz');
    await write(file, clusterEvents('prod', 5));
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    writeFileSync(file, gzipSync(lines.slice(0, -1).join('\n')));
    assert.match(errorsOf(await readAll(file))[0]!.message, /incomplete: it stops at line 8 without its end record/);
    writeFileSync(file, readFileSync(file).subarray(0, 40));
    assert.match(errorsOf(await readAll(file))[0]!.message, /damaged|incomplete/);
  });

  it('refuse files that are not kspm snapshots, or of another layout version, saying which', async () => {
    const plain = join(dir, 'plain.json');
    writeFileSync(plain, '{}');
    assert.match(errorsOf(await readAll(plain))[0]!.message, /not gzip-compressed/);
    const foreign = join(dir, 'foreign.gz');
    writeFileSync(foreign, gzipSync('{"kind":"List","items":[]}\n'));
    assert.match(errorsOf(await readAll(foreign))[0]!.message, /the first line is not a KspmSnapshot header/);
    const future = join(dir, 'future.gz');
    writeFileSync(future, gzipSync('{"kind":"KspmSnapshot","version":2,"tool":{"name":"kspm","version":"9"},"collectedAt":"x"}\n'));
    assert.match(errorsOf(await readAll(future))[0]!.message, /layout version 2 is not supported/);
    assert.match(errorsOf(await readAll(join(dir, 'missing.gz')))[0]!.message, /cannot read the snapshot: ENOENT/);
  });

  it('skip the rest of a cluster its reader stops early in', async () => {
    const file = join(dir, 'early.gz');
    await write(file, [...clusterEvents('prod', 4), ...clusterEvents('staging', 1)]);
    const firstEvents: ClusterEvent[] = [];
    let index = 0;
    for await (const part of snapshotParts(file)) {
      for await (const event of part) {
        if (index === 0) firstEvents.push(event);
        if (index === 0 && firstEvents.length === 2) break;
      }
      index++;
    }
    assert.equal(index, 2, 'both clusters are offered');
  });
});
