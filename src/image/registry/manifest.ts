/**
 * Manifests as a registry serves them: the media type from Content-Type, else the body's `mediaType` (some static
 * registries send application/json or octet-stream); schema 1 refused; indexes and image manifests checked.
 */
import { z } from 'zod';
import type { ImageConfig, Platform } from '../source/types.js';
import { RegistryError } from './errors.js';
import { CONFIG_TYPES, IMAGE_MANIFEST_TYPES, INDEX_TYPES, LAYER_TYPES, SCHEMA1_TYPES } from './media-types.js';

const descriptorSchema = z.object({
  mediaType: z.string(),
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected sha256:<64 lowercase hex digits>'),
  size: z.number().int().nonnegative(),
  platform: z
    .object({ os: z.string(), architecture: z.string(), variant: z.string().optional(), 'os.version': z.string().optional() })
    .optional(),
});
type DescriptorJson = z.infer<typeof descriptorSchema>;

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
}

export type Manifest =
  | { kind: 'index'; mediaType: string; manifests: Descriptor[] }
  | { kind: 'image'; mediaType: string; config: Descriptor; layers: Descriptor[] };

const indexSchema = z.object({ schemaVersion: z.literal(2), manifests: z.array(descriptorSchema) });
const imageSchema = z.object({ schemaVersion: z.literal(2), config: descriptorSchema, layers: z.array(descriptorSchema) });
const configSchema = z.looseObject({
  architecture: z.string().optional(),
  os: z.string().optional(),
  variant: z.string().optional(),
  rootfs: z.object({ type: z.string(), diff_ids: z.array(z.string()) }).optional(),
});

export const SCHEMA1_REFUSAL = 'schema 1 manifests are not supported; re-push the image with a current docker/buildx';

export function parseManifest(bytes: Uint8Array, contentType: string | null, where: string): Manifest {
  const json = parseJson(bytes, where);
  const body = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const headerType = contentType?.split(';')[0]?.trim().toLowerCase();
  const bodyType = typeof body.mediaType === 'string' ? body.mediaType : undefined;
  const mediaType = headerType && isManifestType(headerType) ? headerType : (bodyType ?? headerType ?? '');
  if (SCHEMA1_TYPES.has(mediaType) || body.schemaVersion === 1) throw new RegistryError('unsupported-media-type', `${where}: ${SCHEMA1_REFUSAL}`);
  if (INDEX_TYPES.has(mediaType)) {
    const index = checked(indexSchema, json, where);
    return { kind: 'index', mediaType, manifests: index.manifests.map(descriptorOf) };
  }
  if (IMAGE_MANIFEST_TYPES.has(mediaType)) {
    const image = checked(imageSchema, json, where);
    if (!CONFIG_TYPES.has(image.config.mediaType)) {
      throw new RegistryError('unsupported-media-type', `${where}: config media type ${image.config.mediaType} is not an image config (an artifact, not an image?)`);
    }
    const foreign = image.layers.find((layer) => !LAYER_TYPES.has(layer.mediaType));
    if (foreign) throw new RegistryError('unsupported-media-type', `${where}: layer ${foreign.digest} has media type ${foreign.mediaType}, not an image layer`);
    return { kind: 'image', mediaType, config: descriptorOf(image.config), layers: image.layers.map(descriptorOf) };
  }
  throw new RegistryError('unsupported-media-type', `${where}: media type "${mediaType || '(none)'}" is not an image manifest or index`);
}

export function parseConfig(bytes: Uint8Array, where: string): ImageConfig {
  return checked(configSchema, parseJson(bytes, where), where) as ImageConfig;
}

function isManifestType(type: string): boolean {
  return INDEX_TYPES.has(type) || IMAGE_MANIFEST_TYPES.has(type) || SCHEMA1_TYPES.has(type);
}

function descriptorOf(descriptor: DescriptorJson): Descriptor {
  const { platform, ...rest } = descriptor;
  if (!platform) return rest;
  return {
    ...rest,
    platform: {
      os: platform.os,
      architecture: platform.architecture,
      ...(platform.variant ? { variant: platform.variant } : {}),
      ...(platform['os.version'] ? { osVersion: platform['os.version'] } : {}),
    },
  };
}

function parseJson(bytes: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new RegistryError('invalid-response', `${where}: not valid JSON (${(error as Error).message})`);
  }
}

function checked<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new RegistryError('invalid-response', `${where}: ${issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'invalid'}`);
}
