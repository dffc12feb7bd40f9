/**
 * The package URL of a container image (purl spec, type `oci`): `pkg:oci/<name>@<digest>?repository_url=<repo>&tag=<tag>`,
 * where the name is the repository's last path segment. Only an image with a manifest digest has one.
 */
import { PackageURL } from 'packageurl-js';
import type { ImageIdentity } from '../image/model.js';
import { parseImageRef } from '../model/image.js';

export interface RegistryReference {
  /** `docker.io/library/nginx` */
  repository: string;
  tag?: string;
  digest?: string;
}

/**
 * A registry reference split into repository, tag and digest, or undefined for the other sources' references
 * (`oci-layout:dir`, `rootfs:dir`, `docker-archive:file`), which start with a scheme rather than a host.
 */
export function parseRegistryReference(reference: string): RegistryReference | undefined {
  if (!/^[^/:@]+(:\d+)?\//.test(reference)) return undefined;
  const parsed = parseImageRef(reference);
  if (!parsed) return undefined;
  return {
    repository: `${parsed.registry}/${parsed.repository}`,
    ...(parsed.tag !== undefined ? { tag: parsed.tag } : {}),
    ...(parsed.digest !== undefined ? { digest: parsed.digest } : {}),
  };
}

export function imagePurl(image: ImageIdentity): string | undefined {
  const digest = image.manifestDigest;
  if (!digest) return undefined;
  const registry = parseRegistryReference(image.reference);
  const path = registry?.repository ?? image.reference.replace(/^[a-z-]+:/, '').replace(/@.*$/, '');
  const name = path.split('/').filter((part) => part !== '').pop() ?? 'image';
  const qualifiers: Record<string, string> = {};
  if (image.platform?.architecture) qualifiers.arch = image.platform.architecture;
  if (registry) qualifiers.repository_url = registry.repository;
  if (registry?.tag) qualifiers.tag = registry.tag;
  return new PackageURL('oci', undefined, name.toLowerCase(), digest, qualifiers, undefined).toString();
}
