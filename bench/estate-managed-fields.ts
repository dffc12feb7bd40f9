/**
 * metadata.managedFields entries as server-side field tracking records them: a FieldsV1 set naming every field a
 * manager wrote. Map keys become `f:<key>`; list items are keyed by what the API merges them on (`k:{"name":"web"}`);
 * other lists are atomic and recorded as one field. The entries are about a third of a real pod's size, which is
 * why the estate carries them.
 */
export type Manifest = Record<string, unknown>;

const isManifest = (value: unknown): value is Manifest => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields list items are merged on, tried in this order. */
const MERGE_KEYS = ['uid', 'mountPath', 'containerPort', 'devicePath', 'name', 'type', 'ip', 'key'] as const;

function itemKey(item: Manifest): string | undefined {
  for (const key of MERGE_KEYS) {
    const value = item[key];
    if (typeof value === 'string' || typeof value === 'number') {
      return key === 'containerPort' ? `k:{"containerPort":${value},"protocol":"${String(item.protocol ?? 'TCP')}"}` : `k:${JSON.stringify({ [key]: value })}`;
    }
  }
  return undefined;
}

function fieldSet(value: unknown): Manifest {
  const fields: Manifest = {};
  if (Array.isArray(value)) {
    for (const item of value) {
      const key = isManifest(item) ? itemKey(item) : undefined;
      if (key !== undefined) fields[key] = { '.': {}, ...fieldSet(item) };
    }
    return fields;
  }
  if (!isManifest(value)) return fields;
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    fields[`f:${key}`] = isManifest(child) && Object.keys(child).length > 0 ? { '.': {}, ...fieldSet(child) } : fieldSet(child);
  }
  return fields;
}

/** The FieldsV1 set of what a manager wrote; nested maps and list items own themselves (`.`), top-level fields do not. */
export function fieldsV1(wrote: Manifest): Manifest {
  const fields: Manifest = {};
  for (const [key, child] of Object.entries(wrote)) if (child !== undefined) fields[`f:${key}`] = fieldSet(child);
  return fields;
}

export interface FieldManager {
  manager: string;
  operation: 'Update' | 'Apply';
  apiVersion: string;
  time: string;
  /** What the manager wrote, shaped like the object. */
  wrote: Manifest;
  subresource?: 'status';
}

export function managedFieldsEntry({ manager, operation, apiVersion, time, wrote, subresource }: FieldManager): Manifest {
  return {
    manager, operation, apiVersion, time, fieldsType: 'FieldsV1', fieldsV1: fieldsV1(wrote),
    ...(subresource !== undefined ? { subresource } : {}),
  };
}
