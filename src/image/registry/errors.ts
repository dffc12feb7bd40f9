/** What went wrong talking to a registry, as a kind a caller can branch on, with a message naming the image. */
export type RegistryErrorKind =
  | 'bad-reference'
  | 'not-found'
  | 'unauthorized'
  | 'denied'
  | 'credentials'
  | 'network'
  | 'digest-mismatch'
  | 'unsupported-media-type'
  | 'no-matching-platform'
  | 'invalid-response';

export class RegistryError extends Error {
  override readonly name = 'RegistryError';

  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The same error with a context (usually the image reference) in front of its message. */
export function withContext(error: unknown, context: string): Error {
  if (error instanceof RegistryError) return new RegistryError(error.kind, `${context}: ${error.message}`, { cause: error.cause });
  return new RegistryError('network', `${context}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
