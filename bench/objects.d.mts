/** Objects in one parsed YAML or JSON document: 1 for a mapping, the item count for a `kind: List`, else 0. */
export function objectsOf(document: unknown): number;
