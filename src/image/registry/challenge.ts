/** `WWW-Authenticate` challenges (RFC 7235): `Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`. */

export interface Challenge {
  /** Lowercased: `bearer`, `basic`, … */
  scheme: string;
  /** Parameter names lowercased; values unquoted. */
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let rest = header;
  let current: Challenge | undefined;
  const skip = (pattern: RegExp) => {
    rest = rest.replace(pattern, '');
  };
  skip(/^[\s,]+/);
  while (rest !== '') {
    const token = TOKEN.exec(rest)?.[0];
    if (token === undefined) break;
    rest = rest.slice(token.length);
    const afterSpaces = rest.replace(/^\s*/, '');
    if (current && afterSpaces.startsWith('=')) {
      rest = afterSpaces.slice(1).replace(/^\s*/, '');
      current.params[token.toLowerCase()] = readValue();
    } else {
      current = { scheme: token.toLowerCase(), params: {} };
      challenges.push(current);
      rest = afterSpaces;
    }
    skip(/^[\s,]+/);
  }
  return challenges;

  function readValue(): string {
    if (!rest.startsWith('"')) {
      const value = /^[^,\s]*/.exec(rest)?.[0] ?? '';
      rest = rest.slice(value.length);
      return value;
    }
    let value = '';
    let index = 1;
    for (; index < rest.length && rest[index] !== '"'; index++) {
      if (rest[index] === '\\' && index + 1 < rest.length) index++;
      value += rest[index];
    }
    rest = rest.slice(index + 1);
    return value;
  }
}
