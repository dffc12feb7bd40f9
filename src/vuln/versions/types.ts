/** Shared shape of every ecosystem's comparator, and the small numeric helpers they all need. */
export type Comparison = -1 | 0 | 1;

export function sign(n: number): Comparison {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** Compares two runs of decimal digits of any length by value (leading zeros ignored). */
export function compareBigDigits(a: string, b: string): Comparison {
  const left = a.replace(/^0+/, '');
  const right = b.replace(/^0+/, '');
  if (left.length !== right.length) return sign(left.length - right.length);
  return sign(left < right ? -1 : left > right ? 1 : 0);
}

/** A validity check from a parser that throws on what it refuses. */
export function parsesWith(parse: (version: string) => unknown): (version: string) => boolean {
  return (version) => {
    try {
      parse(version);
      return true;
    } catch {
      return false;
    }
  };
}

/**
 * A comparator that remembers its answers, for orderings whose parse dominates (PEP 440 re-parses both versions on
 * every call): matching compares the same installed version with the same range events again and again. The memory
 * is dropped whole when it reaches `limit` entries, so it stays bounded.
 */
export function remembering(compare: (a: string, b: string) => Comparison, limit = 200_000): (a: string, b: string) => Comparison {
  const answers = new Map<string, Comparison>();
  return (a, b) => {
    const key = `${a}\u0000${b}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      answer = compare(a, b);
      answers.set(key, answer);
    }
    return answer;
  };
}
