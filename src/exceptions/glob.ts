/** Glob patterns as users write them for control ids, kinds, namespaces and names: `*` is any run, `?` one character. */
export type Matcher = (value: string) => boolean;

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

export function isGlob(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Matches the whole value, case-sensitively (Kubernetes names and kspm control ids are case-sensitive). */
export function globMatcher(pattern: string): Matcher {
  if (!isGlob(pattern)) return (value) => value === pattern;
  const source = escapeRegExp(pattern).replace(/\*/g, '.*').replace(/\?/g, '.');
  const regex = new RegExp(`^${source}$`, 's');
  return (value) => regex.test(value);
}

export function anyMatcher(patterns: readonly string[]): Matcher {
  const matchers = patterns.map(globMatcher);
  return (value) => matchers.some((matches) => matches(value));
}
