/** Resources in one parsed YAML or JSON document: 1 for an object with kind and apiVersion, the object items of a `*List`, else 0. */
export function objectsOf(document: unknown): number;
