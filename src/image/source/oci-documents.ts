/**
 * What local sources add to the registry client's manifest parsing: an OCI layout's index.json, whose entries carry
 * the tag annotations the layout is searched by, and digest checks of blobs read from disk.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Descriptor } from '../registry/manifest.js';
import type { ImageConfig, Platform } from './types.js';

/** The annotation an OCI layout uses to tag a manifest (`latest`, `3.20`, or a whole reference). */
export const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name';

const layoutIndexSchema = z.object({
  schemaVersion: z.literal(2),
  manifests: z.array(
    z.object({
      mediaType: z.string(),
      digest: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected sha256:<64 lowercase hex digits>'),
      size: z.number().int().nonnegative(),
      annotations: z.record(z.string(), z.string()).optional(),
      platform: z
        .object({ os: z.string(), architecture: z.string(), variant: z.string().optional(), 'os.version': z.string().optional() })
        .optional(),
    }),
  ),
});

export interface LayoutDescriptor extends Descriptor {
  annotations?: Record<string, string>;
}

/** The entries of an OCI layout's index.json. */
export function parseLayoutIndex(bytes: Buffer, where: string): LayoutDescriptor[] {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`${where}: not valid JSON (${(error as Error).message})`);
  }
  const result = layoutIndexSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${where}: ${issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'invalid'}`);
  }
  return result.data.manifests.map(({ platform, ...rest }) => ({
    ...rest,
    ...(platform
      ? {
          platform: {
            os: platform.os,
            architecture: platform.architecture,
            ...(platform.variant ? { variant: platform.variant } : {}),
            ...(platform['os.version'] ? { osVersion: platform['os.version'] } : {}),
          },
        }
      : {}),
  }));
}

export function platformOfConfig(config: ImageConfig): Platform | undefined {
  if (!config.os || !config.architecture) return undefined;
  return { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) };
}

export function sha256Of(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Throws unless the bytes are what the descriptor promises (digest and, when given, size). */
export function checkBlob(bytes: Buffer, descriptor: { digest: string; size?: number }, where: string): void {
  const actual = sha256Of(bytes);
  if (actual !== descriptor.digest) throw new Error(`${where}: digest mismatch: expected ${descriptor.digest}, got ${actual}`);
  if (descriptor.size !== undefined && descriptor.size !== bytes.length) {
    throw new Error(`${where}: size mismatch: expected ${descriptor.size} bytes, got ${bytes.length}`);
  }
}
