/**
 * The JSON documents of OCI images and their Docker schema 2 equivalents (descriptors, indexes / manifest lists,
 * manifests, configs), checked on arrival so that a broken document is an error naming where it came from. Schema 1
 * manifests are refused, as go-containerregistry refuses them: they predate content-addressed configs and layers.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ImageConfig, Platform } from './types.js';

export const INDEX_MEDIA_TYPES: readonly string[] = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];
export const MANIFEST_MEDIA_TYPES: readonly string[] = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];
const SCHEMA1_MEDIA_TYPES: readonly string[] = [
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
];

/** The annotation an OCI layout uses to tag a manifest (`latest`, `3.20`, or a whole reference). */
export const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name';

const descriptorSchema = z.object({
  mediaType: z.string().optional(),
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected sha256:<64 lowercase hex digits>'),
  size: z.number().int().nonnegative().optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  platform: z
    .object({ os: z.string(), architecture: z.string(), variant: z.string().optional(), 'os.version': z.string().optional() })
    .optional(),
});
export type Descriptor = z.infer<typeof descriptorSchema>;

const indexSchema = z.object({ schemaVersion: z.literal(2), mediaType: z.string().optional(), manifests: z.array(descriptorSchema) });
export type ImageIndex = z.infer<typeof indexSchema>;

const manifestSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  config: descriptorSchema,
  layers: z.array(descriptorSchema),
});
export type ImageManifest = z.infer<typeof manifestSchema>;

const configSchema = z.looseObject({
  architecture: z.string().optional(),
  os: z.string().optional(),
  variant: z.string().optional(),
  rootfs: z.object({ type: z.string(), diff_ids: z.array(z.string()) }).optional(),
});

export type ManifestDocument = { kind: 'index'; index: ImageIndex } | { kind: 'manifest'; manifest: ImageManifest };

function parseJson(bytes: Buffer, where: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`${where}: not valid JSON (${(error as Error).message})`);
  }
}

function checked<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`${where}: ${issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'invalid'}`);
}

export function parseIndex(bytes: Buffer, where: string): ImageIndex {
  return checked(indexSchema, parseJson(bytes, where), where);
}

/** An index or a manifest, told apart by media type (the descriptor's, else the document's) or, lacking one, by shape. */
export function parseManifestDocument(bytes: Buffer, where: string, mediaType?: string): ManifestDocument {
  const json = parseJson(bytes, where);
  const object = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const type = mediaType ?? (typeof object.mediaType === 'string' ? object.mediaType : undefined);
  if ((type !== undefined && SCHEMA1_MEDIA_TYPES.includes(type)) || object.schemaVersion === 1) {
    throw new Error(`${where}: a Docker schema 1 manifest; schema 1 images are not supported (push or save the image again with a current tool)`);
  }
  const isIndex = type !== undefined ? INDEX_MEDIA_TYPES.includes(type) : Array.isArray(object.manifests);
  if (isIndex) return { kind: 'index', index: checked(indexSchema, json, where) };
  if (type !== undefined && !MANIFEST_MEDIA_TYPES.includes(type)) throw new Error(`${where}: media type "${type}" is not an image manifest or index`);
  return { kind: 'manifest', manifest: checked(manifestSchema, json, where) };
}

export function parseImageConfig(bytes: Buffer, where: string): ImageConfig {
  return checked(configSchema, parseJson(bytes, where), where) as ImageConfig;
}

export function platformOfDescriptor(descriptor: Descriptor): Platform | undefined {
  const platform = descriptor.platform;
  if (!platform) return undefined;
  return {
    os: platform.os,
    architecture: platform.architecture,
    ...(platform.variant ? { variant: platform.variant } : {}),
    ...(platform['os.version'] ? { osVersion: platform['os.version'] } : {}),
  };
}

export function platformOfConfig(config: ImageConfig): Platform | undefined {
  if (!config.os || !config.architecture) return undefined;
  return { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) };
}

export function sha256Of(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Throws unless the bytes are what the descriptor promises (digest and, when given, size). */
export function checkBlob(bytes: Buffer, descriptor: Pick<Descriptor, 'digest' | 'size'>, where: string): void {
  const actual = sha256Of(bytes);
  if (actual !== descriptor.digest) throw new Error(`${where}: digest mismatch: expected ${descriptor.digest}, got ${actual}`);
  if (descriptor.size !== undefined && descriptor.size !== bytes.length) {
    throw new Error(`${where}: size mismatch: expected ${descriptor.size} bytes, got ${bytes.length}`);
  }
}
