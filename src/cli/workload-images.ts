/**
 * `kspm scan --images`: every distinct image the scanned workloads run is scanned once, a few at a time, with the
 * credentials the cluster would pull it with (the pod's and its service account's imagePullSecrets, read from a live
 * cluster into memory only), then the docker config's.
 */
import { connect } from '../cluster/connection.js';
import type { ImageScanner } from '../engine/scan.js';
import type { ImageScanOutcome } from '../image/model.js';
import { chainKeychains, credentialsFromPullSecret, dockerConfigKeychain, type Keychain, type PullSecret } from '../image/registry/index.js';
import { scanImage, type ImageScanSettings } from '../image/scan-image.js';
import type { Inventory } from '../inventory/inventory.js';
import { isRecord } from '../model/k8s.js';
import type { ClusterFacts } from '../model/cluster.js';

const CONCURRENT_IMAGES = 4;

export interface WorkloadImageOptions {
  settings: ImageScanSettings;
  /** Read pull secrets from the live cluster (not from snapshots or manifests, which hold no secret values). */
  readPullSecrets: boolean;
  kubeconfig?: string;
  warn(message: string): void;
  progress?(done: number, total: number): void;
}

/** Each image with the `namespace/name` of the pull secrets its workloads name. */
export function workloadImages(inventory: Inventory): Map<string, Set<string>> {
  const images = new Map<string, Set<string>>();
  for (const workload of inventory.workloads()) {
    const summary = workload.workload!;
    const namespace = workload.ref.namespace ?? 'default';
    const account = inventory.ofKind('ServiceAccount').find((entry) => entry.ref.namespace === namespace && entry.ref.name === summary.serviceAccount);
    const secrets = [...(summary.imagePullSecrets ?? []), ...secretNames(account?.object?.imagePullSecrets)].map((name) => `${namespace}/${name}`);
    for (const { image } of summary.images) {
      const known = images.get(image) ?? new Set<string>();
      for (const secret of secrets) known.add(secret);
      images.set(image, known);
    }
  }
  return images;
}

function secretNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => (isRecord(item) && typeof item.name === 'string' && item.name !== '' ? [item.name] : []));
}

async function pullSecretKeychains(secrets: Set<string>, facts: ClusterFacts, options: WorkloadImageOptions): Promise<Map<string, Keychain>> {
  const keychains = new Map<string, Keychain>();
  if (secrets.size === 0) return keychains;
  const connection = await connect({ context: facts.context, ...(options.kubeconfig !== undefined ? { kubeconfig: options.kubeconfig } : {}) });
  for (const secret of secrets) {
    const [namespace, name] = secret.split('/') as [string, string];
    try {
      const object = (await connection.get(`/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}`)) as PullSecret;
      keychains.set(secret, credentialsFromPullSecret(object));
    } catch (error) {
      options.warn(`${facts.context}: image pull secret ${secret} could not be used (${(error as Error).message}); its images are pulled with the docker config's credentials`);
    }
  }
  return keychains;
}

export function workloadImageScanner(options: WorkloadImageOptions): ImageScanner {
  return async (inventory, facts) => {
    const images = workloadImages(inventory);
    const allSecrets = new Set([...images.values()].flatMap((secrets) => [...secrets]));
    const secretKeychains = options.readPullSecrets && facts ? await pullSecretKeychains(allSecrets, facts, options).catch((error: Error) => {
      options.warn(`${facts.context}: image pull secrets could not be read (${error.message})`);
      return new Map<string, Keychain>();
    }) : new Map<string, Keychain>();
    const fallback = options.settings.keychain ?? dockerConfigKeychain();
    const outcomes = new Map<string, ImageScanOutcome>();
    const queue = [...images.entries()];
    let done = 0;
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const [reference, secrets] = next;
        const keychain = chainKeychains(...[...secrets].flatMap((secret) => secretKeychains.get(secret) ?? []), fallback);
        try {
          outcomes.set(reference, { reference, result: await scanImage({ kind: 'registry', reference }, { ...options.settings, keychain }) });
        } catch (error) {
          outcomes.set(reference, { reference, error: (error as Error).message });
        }
        options.progress?.(++done, images.size);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_IMAGES, images.size) }, worker));
    return outcomes;
  };
}
