/** Deterministic ordering: by code point, absent values first, so the output never depends on locale or read order. */
import type { WorkloadRef } from './model.js';

type Key = readonly (string | undefined)[];

function compareText(a: string | undefined, b: string | undefined): number {
  const left = a ?? '';
  const right = b ?? '';
  return left < right ? -1 : left > right ? 1 : 0;
}

function compareKeys(a: Key, b: Key): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const order = compareText(a[index], b[index]);
    if (order !== 0) return order;
  }
  return 0;
}

/** Sorts a copy of `items` by the key each yields, field by field. */
export function sortBy<T>(items: Iterable<T>, key: (item: T) => Key): T[] {
  return [...items].map((item) => ({ item, key: key(item) })).sort((a, b) => compareKeys(a.key, b.key)).map(({ item }) => item);
}

export function refKey(ref: WorkloadRef): Key {
  return [ref.namespace, ref.name, ref.kind];
}

/** Workload references sorted, each once. */
export function sortedRefs(refs: Iterable<WorkloadRef>): WorkloadRef[] {
  const unique = new Map<string, WorkloadRef>();
  for (const ref of refs) unique.set(JSON.stringify(refKey(ref)), ref);
  return sortBy(unique.values(), refKey);
}
