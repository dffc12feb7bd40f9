/** A mistake in how kspm was called (unknown flag value, missing file named by a flag): one line, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
