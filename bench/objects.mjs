// How the benchmark counts objects, as kspm counts resources: a mapping with a string `kind` and `apiVersion` is one
// object, and a `*List` kind with `items` stands for the items that are objects. Shared by the baseline child (plain
// JavaScript) and the harness.
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasString = (value) => typeof value === 'string' && value !== '';
const isResource = (value) => isRecord(value) && hasString(value.kind) && hasString(value.apiVersion);

export function objectsOf(document) {
  if (!isRecord(document)) return 0;
  if (hasString(document.kind) && document.kind.endsWith('List') && Array.isArray(document.items)) return document.items.filter(isResource).length;
  return isResource(document) ? 1 : 0;
}
