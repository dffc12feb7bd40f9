// How the benchmark counts objects, as a scanner counts resources: a document that is a mapping is one object, and a
// `kind: List` stands for its items. Shared by the baseline child (plain JavaScript) and the harness.
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

export function objectsOf(document) {
  if (!isRecord(document)) return 0;
  if (document.kind === 'List' && Array.isArray(document.items)) return document.items.filter(isRecord).length;
  return 1;
}
