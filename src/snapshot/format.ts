/**
 * The snapshot file (docs/snapshots.md): gzip-compressed JSON Lines. A header line, then for each cluster a `cluster`
 * record followed by its `object`, `gap` and `error` records, then an `end` record with the counts, whose absence
 * marks a snapshot cut short.
 */
import { z } from 'zod';

export const SNAPSHOT_KIND = 'KspmSnapshot';
/** The major version of the layout; readers refuse others. */
export const SNAPSHOT_VERSION = 1;

export const headerSchema = z.object({
  kind: z.literal(SNAPSHOT_KIND),
  version: z.number().int(),
  tool: z.object({ name: z.string(), version: z.string() }),
  collectedAt: z.string(),
});

const clusterRecord = z.object({
  type: z.literal('cluster'),
  context: z.string().min(1),
  server: z.string(),
  serverVersion: z.string().optional(),
  servedVersions: z.array(z.string()),
});

const objectRecord = z.object({
  type: z.literal('object'),
  apiPath: z.string().min(1),
  object: z.record(z.string(), z.unknown()),
});

const gapRecord = z.object({
  type: z.literal('gap'),
  gap: z.object({ cluster: z.string(), resource: z.string(), status: z.number().int(), reason: z.string() }),
});

const errorRecord = z.object({
  type: z.literal('error'),
  error: z.object({
    cluster: z.string().optional(),
    file: z.string(),
    line: z.number().int().optional(),
    code: z.literal('cluster-unreachable'),
    message: z.string(),
  }),
});

const endRecord = z.object({ type: z.literal('end'), clusters: z.number().int(), objects: z.number().int(), gaps: z.number().int() });

export const recordSchema = z.discriminatedUnion('type', [clusterRecord, objectRecord, gapRecord, errorRecord, endRecord]);

export type SnapshotHeader = z.infer<typeof headerSchema>;
export type SnapshotRecord = z.infer<typeof recordSchema>;
