/**
 * Content negotiation for lists and objects: plain JSON, a meta.k8s.io Table (what `kubectl get` asks for), or
 * PartialObjectMetadata (metadata only, what a client asks for when it must not read Secret values).
 */
export type Representation =
  | { form: 'json' }
  | { form: 'table'; version: 'v1' | 'v1beta1' }
  | { form: 'metadata' };

interface MediaRange {
  type: string;
  params: Map<string, string>;
}

function parseAccept(header: string): MediaRange[] {
  return header.split(',').map((part) => {
    const [type = '', ...rest] = part.split(';').map((piece) => piece.trim());
    const params = new Map<string, string>();
    for (const piece of rest) {
      const equals = piece.indexOf('=');
      if (equals > 0) params.set(piece.slice(0, equals).toLowerCase(), piece.slice(equals + 1));
    }
    return { type: type.toLowerCase(), params };
  });
}

const JSON_TYPES = new Set(['application/json', 'application/*', '*/*']);

function representationOf(range: MediaRange, isList: boolean): Representation | undefined {
  if (!JSON_TYPES.has(range.type)) return undefined;
  const as = range.params.get('as');
  if (as === undefined) return { form: 'json' };
  if (range.params.get('g') !== 'meta.k8s.io') return undefined;
  const version = range.params.get('v');
  if (as === 'Table' && (version === 'v1' || version === 'v1beta1')) return { form: 'table', version };
  if (version === 'v1' && as === (isList ? 'PartialObjectMetadataList' : 'PartialObjectMetadata')) return { form: 'metadata' };
  return undefined;
}

/** The first acceptable representation in the client's order of preference, or undefined when none is served. */
export function negotiate(accept: string | undefined, isList: boolean): Representation | undefined {
  if (accept === undefined || accept.trim() === '') return { form: 'json' };
  for (const range of parseAccept(accept)) {
    const representation = representationOf(range, isList);
    if (representation !== undefined) return representation;
  }
  return undefined;
}

export function contentType(representation: Representation, isList: boolean): string {
  switch (representation.form) {
    case 'json': return 'application/json';
    case 'table': return `application/json;as=Table;v=${representation.version};g=meta.k8s.io`;
    case 'metadata': return `application/json;as=${isList ? 'PartialObjectMetadataList' : 'PartialObjectMetadata'};v=v1;g=meta.k8s.io`;
  }
}
