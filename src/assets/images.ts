import { parseImageRef, type ImageRef } from '../model/image.js';
import type { ImageAsset, RegistryAsset, WorkloadAsset, WorkloadRef } from './model.js';
import { refKey, sortBy, sortedRefs } from './order.js';
import { withoutUndefined } from './values.js';

/** The reference as the runtime resolves it: `nginx` is docker.io/library/nginx. */
function canonical(image: ImageRef): string {
  return `${image.registry}/${image.repository}${image.tag === undefined ? '' : `:${image.tag}`}${image.digest === undefined ? '' : `@${image.digest}`}`;
}

export function refOf(workload: WorkloadAsset): WorkloadRef {
  return workload.namespace === undefined ? { kind: workload.kind, name: workload.name } : { kind: workload.kind, namespace: workload.namespace, name: workload.name };
}

/** Each distinct image the workloads run (init and ephemeral containers included), and the registries they come from. */
export function imageAssets(workloads: readonly WorkloadAsset[]): { images: ImageAsset[]; registries: RegistryAsset[] } {
  const images = new Map<string, { asset: Omit<ImageAsset, 'workloads'>; workloads: WorkloadRef[] }>();
  for (const workload of workloads) {
    for (const container of workload.containers) {
      const image = parseImageRef(container.image);
      if (image === undefined) continue;
      const reference = canonical(image);
      const key = JSON.stringify([workload.cluster ?? '', reference]);
      let entry = images.get(key);
      if (entry === undefined) {
        const { registry, repository, tag, digest } = image;
        entry = { asset: withoutUndefined({ cluster: workload.cluster, reference, registry, repository, tag, digest }), workloads: [] };
        images.set(key, entry);
      }
      entry.workloads.push(refOf(workload));
    }
  }
  const imageList = sortBy(
    [...images.values()].map(({ asset, workloads: users }) => ({ ...asset, workloads: sortedRefs(users) })),
    (image) => [image.cluster, image.reference],
  );
  const registries = new Map<string, { cluster?: string; host: string; images: number; workloads: Set<string> }>();
  for (const image of imageList) {
    const key = JSON.stringify([image.cluster ?? '', image.registry]);
    let entry = registries.get(key);
    if (entry === undefined) registries.set(key, (entry = withoutUndefined({ cluster: image.cluster, host: image.registry, images: 0, workloads: new Set<string>() })));
    entry.images += 1;
    for (const ref of image.workloads) entry.workloads.add(JSON.stringify(refKey(ref)));
  }
  const registryList = [...registries.values()].map((entry) => withoutUndefined<RegistryAsset>({ cluster: entry.cluster, host: entry.host, images: entry.images, workloads: entry.workloads.size }));
  return { images: imageList, registries: sortBy(registryList, (registry) => [registry.cluster, registry.host]) };
}
