/**
 * The objects a test API server holds, keyed as etcd keys them (namespace then name), with one resourceVersion
 * counter for the whole store as kube-apiserver has, and the event history that watches replay from.
 */
import { isRecord } from '../../../src/model/k8s.js';
import type { ResourceCatalogue, ServedResource } from './resources.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export type KubeObject = Record<string, unknown> & { metadata: Record<string, unknown> };

export interface StoreEvent {
  type: WatchEventType;
  resourceVersion: number;
  served: ServedResource;
  object: KubeObject;
}

const CREATION_TIMESTAMP = '2025-06-01T00:00:00Z';

function resourceKey(served: ServedResource): string {
  return `${served.group}/${served.resource.name}`;
}

function objectKey(namespace: string | undefined, name: string): string {
  return namespace === undefined ? name : `${namespace}/${name}`;
}

export function namespaceOf(object: KubeObject): string | undefined {
  return typeof object.metadata.namespace === 'string' ? object.metadata.namespace : undefined;
}

export function nameOf(object: KubeObject): string {
  return typeof object.metadata.name === 'string' ? object.metadata.name : '';
}

export class ObjectStore {
  private resourceVersion = 1000;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly sorted = new Map<string, KubeObject[]>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();

  constructor(private readonly catalogue: ResourceCatalogue, objects: readonly unknown[]) {
    for (const object of objects) this.write(object, false);
  }

  get currentResourceVersion(): number {
    return this.resourceVersion;
  }

  /** The objects of one resource in key order, all of them or one namespace's. */
  list(served: ServedResource, namespace: string | undefined): readonly KubeObject[] {
    const key = resourceKey(served);
    let all = this.sorted.get(key);
    if (all === undefined) {
      const entries = [...(this.objects.get(key) ?? new Map<string, KubeObject>()).entries()];
      entries.sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
      all = entries.map(([, object]) => object);
      this.sorted.set(key, all);
    }
    return namespace === undefined ? all : all.filter((object) => namespaceOf(object) === namespace);
  }

  get(served: ServedResource, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(resourceKey(served))?.get(objectKey(namespace, name));
  }

  /** Records a change as the API server would after a write, and tells every watcher. */
  apply(type: WatchEventType, object: unknown): StoreEvent {
    const event = this.write(object, type === 'DELETED');
    const recorded: StoreEvent = { ...event, type };
    this.history.push(recorded);
    for (const listener of this.listeners) listener(recorded);
    return recorded;
  }

  /** Events after the given resourceVersion, oldest first. */
  eventsSince(resourceVersion: number): StoreEvent[] {
    return this.history.filter((event) => event.resourceVersion > resourceVersion);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(input: unknown, remove: boolean): Omit<StoreEvent, 'type'> {
    if (!isRecord(input) || typeof input.apiVersion !== 'string' || typeof input.kind !== 'string'
      || !isRecord(input.metadata) || typeof input.metadata.name !== 'string') {
      throw new Error('test API server: every object needs apiVersion, kind and metadata.name');
    }
    const served = this.catalogue.byKind(input.apiVersion, input.kind);
    if (served === undefined) throw new Error(`test API server: no served resource has kind ${input.kind} in ${input.apiVersion}`);
    const object = structuredClone(input) as KubeObject;
    const metadata = object.metadata;
    if (served.resource.namespaced && typeof metadata.namespace !== 'string') metadata.namespace = 'default';
    if (!served.resource.namespaced) delete metadata.namespace;
    const key = resourceKey(served);
    const objects = this.objects.get(key) ?? new Map<string, KubeObject>();
    const id = objectKey(namespaceOf(object), nameOf(object));
    const previous = objects.get(id)?.metadata;

    this.resourceVersion += 1;
    metadata.resourceVersion = String(this.resourceVersion);
    if (typeof metadata.uid !== 'string') metadata.uid = previous?.uid ?? uidFor(this.resourceVersion);
    if (typeof metadata.creationTimestamp !== 'string') {
      metadata.creationTimestamp = previous?.creationTimestamp ?? CREATION_TIMESTAMP;
    }
    if (remove) objects.delete(id);
    else objects.set(id, object);
    this.objects.set(key, objects);
    this.sorted.delete(key);
    return { resourceVersion: this.resourceVersion, served, object };
  }
}

function uidFor(counter: number): string {
  const hex = counter.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}
