/**
 * Packages from CycloneDX JSON (1.4 to 1.6): kspm's own BOMs and those of Syft and Trivy. An image is a component of
 * type `container` (the BOM's `metadata.component`, or top-level components holding nested ones); its operating system
 * is a component of type `operating-system`; every component with a purl below it is a package. Where a package was
 * found comes from kspm's properties, or Syft's (`syft:location:0:path`, `syft:metadata:source`) or Trivy's
 * (`aquasecurity:trivy:FilePath`, `aquasecurity:trivy:SrcName`).
 */
import { z } from 'zod';
import type { ImageIdentity, ImageInventory } from '../image/model.js';
import type { Platform } from '../image/source/types.js';
import { InventoryBuilder } from './inventory-builder.js';
import { KSPM_PROPERTY } from './model.js';
import type { PackageOrigin } from './purl-package.js';

interface CdxComponent {
  type: string;
  name: string;
  version?: string | undefined;
  description?: string | undefined;
  purl?: string | undefined;
  'bom-ref'?: string | undefined;
  properties?: { name: string; value?: string | undefined }[] | undefined;
  components?: CdxComponent[] | undefined;
}

const component: z.ZodType<CdxComponent> = z.lazy(() =>
  z.object({
    type: z.string(),
    name: z.string(),
    version: z.string().optional(),
    description: z.string().optional(),
    purl: z.string().optional(),
    'bom-ref': z.string().optional(),
    properties: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional(),
    components: z.array(component).optional(),
  }),
);

export const cycloneDxDocument = z.object({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.enum(['1.4', '1.5', '1.6']),
  metadata: z.object({ component: component.optional() }).optional(),
  components: z.array(component).optional(),
});

type Properties = ReadonlyMap<string, string>;

function propertiesOf(item: CdxComponent): Properties {
  const map = new Map<string, string>();
  for (const { name, value } of item.properties ?? []) if (value !== undefined && !map.has(name)) map.set(name, value);
  return map;
}

function first(properties: Properties, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = properties.get(name);
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

function platformOf(text: string | undefined): Platform | undefined {
  if (!text) return undefined;
  const [os, architecture, variant] = text.split('/');
  if (!os || !architecture) return undefined;
  return { os, architecture, ...(variant ? { variant } : {}) };
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

function imageIdentity(container: CdxComponent | undefined, fallbackName: string): ImageIdentity {
  if (!container) return { reference: fallbackName, layers: [] };
  const properties = propertiesOf(container);
  const repoDigest = first(properties, 'aquasecurity:trivy:RepoDigest')?.split('@')[1];
  const manifestDigest = repoDigest ?? (container.version && DIGEST.test(container.version) ? container.version : undefined);
  const indexDigest = first(properties, KSPM_PROPERTY.indexDigest);
  const platform = platformOf(first(properties, KSPM_PROPERTY.platform));
  const layers = first(properties, KSPM_PROPERTY.imageLayers)?.split(' ') ?? [];
  return {
    reference: first(properties, KSPM_PROPERTY.imageReference) ?? container.name,
    ...(manifestDigest ? { manifestDigest } : {}),
    ...(indexDigest ? { indexDigest } : {}),
    ...(platform ? { platform } : {}),
    layers,
  };
}

function originOf(item: CdxComponent): PackageOrigin {
  const properties = propertiesOf(item);
  const path = first(properties, KSPM_PROPERTY.path, 'syft:location:0:path', 'aquasecurity:trivy:FilePath') ?? '';
  const layer = first(properties, KSPM_PROPERTY.layer, 'aquasecurity:trivy:LayerDigest', 'syft:location:0:layerID');
  const sourceName = first(properties, KSPM_PROPERTY.sourceName, 'syft:metadata:source', 'aquasecurity:trivy:SrcName');
  const sourceVersion = first(properties, KSPM_PROPERTY.sourceVersion, 'syft:metadata:sourceVersion', 'aquasecurity:trivy:SrcVersion') ?? item.version;
  const ecosystem = first(properties, KSPM_PROPERTY.ecosystem);
  return {
    path: path.replace(/^\/+/, ''),
    ...(layer ? { layer } : {}),
    ...(sourceName && sourceVersion ? { source: { name: sourceName, version: sourceVersion } } : {}),
    ...(ecosystem ? { ecosystem } : {}),
  };
}

const PACKAGE_TYPES = new Set(['library', 'framework', 'application']);

/** Adds a component and everything nested in it to the image being read. */
function collect(item: CdxComponent, builder: InventoryBuilder): void {
  if (item.type === 'operating-system') {
    builder.setOs({ id: item.name.toLowerCase(), ...(item.version ? { versionId: item.version } : {}), ...(item.description ? { prettyName: item.description } : {}) });
  } else if (item.purl) {
    builder.addPurl(item.purl, originOf(item), `component "${item.name}"${item.version ? ` ${item.version}` : ''}`);
  } else if (item.type !== 'application' && PACKAGE_TYPES.has(item.type)) {
    builder.note(`component "${item.name}" has no purl; not scanned`);
  }
  for (const child of item.components ?? []) collect(child, builder);
}

function inventoryOf(container: CdxComponent | undefined, members: readonly CdxComponent[], fallbackName: string): ImageInventory {
  const builder = new InventoryBuilder(imageIdentity(container, fallbackName));
  for (const member of members) collect(member, builder);
  return builder.build();
}

/** The images of a CycloneDX document already checked against `cycloneDxDocument`. */
export function cycloneDxInventories(bom: z.infer<typeof cycloneDxDocument>, file: string): ImageInventory[] {
  const top = bom.components ?? [];
  const subject = bom.metadata?.component;
  if (subject?.type === 'container') return [inventoryOf(subject, [...top, ...(subject.components ?? [])], file)];
  const containers = top.filter((item) => item.type === 'container');
  if (containers.length > 0) return containers.map((container) => inventoryOf(container, container.components ?? [], file));
  // A BOM of something other than an image (a directory, an application): its packages as one unnamed image.
  return [inventoryOf(undefined, top, subject?.name ?? file)];
}
