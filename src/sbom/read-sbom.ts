/** Reads an SBOM (CycloneDX JSON 1.4-1.6 or SPDX JSON 2.2/2.3) into the inventory an image scan would have produced. */
import type { z } from 'zod';
import type { ImageInventory } from '../image/model.js';
import { cycloneDxDocument, cycloneDxInventories } from './read-cyclonedx.js';
import { spdxDocument, spdxInventories } from './read-spdx.js';

/** Why a file could not be read as an SBOM; the message names the file. */
export interface SbomError {
  error: string;
}

export function isSbomError(value: ImageInventory | ImageInventory[] | SbomError): value is SbomError {
  return 'error' in value;
}

function problems(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(document)'}: ${issue.message}`)
    .join('; ');
}

/** Every image an SBOM describes (a kspm BOM of several images has several). */
export function readSbomImages(text: string, file: string): ImageInventory[] | SbomError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const hint = /^\s*</.test(text) ? ' (XML SBOMs are not read; use the JSON form)' : /^\s*SPDXVersion:/m.test(text) ? ' (SPDX tag-value is not read; use SPDX JSON)' : '';
    return { error: `${file}: not JSON${hint}: ${(error as Error).message}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { error: `${file}: not an SBOM: the JSON is not an object` };
  const record = json as Record<string, unknown>;
  if ('bomFormat' in record) {
    const parsed = cycloneDxDocument.safeParse(json);
    if (!parsed.success) return { error: `${file}: not a CycloneDX 1.4-1.6 JSON BOM kspm can read: ${problems(parsed.error)}` };
    return cycloneDxInventories(parsed.data, file);
  }
  if ('spdxVersion' in record) {
    const parsed = spdxDocument.safeParse(json);
    if (!parsed.success) return { error: `${file}: not an SPDX 2.2/2.3 JSON document kspm can read: ${problems(parsed.error)}` };
    return spdxInventories(parsed.data, file);
  }
  return { error: `${file}: not an SBOM: neither CycloneDX (no "bomFormat") nor SPDX (no "spdxVersion")` };
}

/** The one image an SBOM describes; an SBOM of several images is an error here (use readSbomImages). */
export function readSbom(text: string, file: string): ImageInventory | SbomError {
  const images = readSbomImages(text, file);
  if (isSbomError(images)) return images;
  if (images.length !== 1) return { error: `${file}: the SBOM describes ${images.length} images (${images.map((i) => i.image.reference).join(', ')}); expected one` };
  return images[0]!;
}
