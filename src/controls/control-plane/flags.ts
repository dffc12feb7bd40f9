/**
 * Command-line flags as the control-plane binaries read them (spf13/pflag, or Go's flag package for etcd):
 * `--name=value`, `--name value`, and a bare `--name` meaning true. The last occurrence wins and `--` ends the flags.
 * A single leading dash is read like two, as Go's flag package does.
 */
import type { FieldPath } from '../../model/path.js';

/** One word of a container's command line, and where it is written. */
export interface Word {
  text: string;
  path: FieldPath;
}

export interface FlagValue {
  value: string;
  /** The word that names the flag. */
  path: FieldPath;
}

/** Flags by their `--name`. */
export type Flags = ReadonlyMap<string, FlagValue>;

const isFlagWord = (text: string) => text.startsWith('-') && text !== '-';

export function parseFlags(words: readonly Word[]): Flags {
  const flags = new Map<string, FlagValue>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.text === '--') break;
    if (!isFlagWord(word.text)) continue;
    const body = word.text.replace(/^--?/, '');
    const equals = body.indexOf('=');
    let name = body;
    let value = 'true';
    if (equals >= 0) {
      name = body.slice(0, equals);
      value = body.slice(equals + 1);
    } else {
      // A bare boolean before a positional argument would be misread here; the control-plane binaries take none.
      const next = words[i + 1];
      if (next !== undefined && !isFlagWord(next.text)) {
        value = next.text;
        i++;
      }
    }
    flags.set(`--${name}`, { value, path: word.path });
  }
  return flags;
}

/** The elements of a comma-separated flag value, trimmed, without empty ones. */
export function listOf(value: string): string[] {
  return value
    .split(',')
    .map((element) => element.trim())
    .filter((element) => element !== '');
}

const TRUE_WORDS = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

/** A boolean as Go's strconv.ParseBool reads it, or undefined when it is not one. */
export function parseBool(value: string): boolean | undefined {
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  return undefined;
}

/** The `key=value` pairs of a map-valued flag such as `--feature-gates`; the last pair of a key wins. */
export function pairsOf(value: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const element of listOf(value)) {
    const equals = element.indexOf('=');
    if (equals > 0) pairs.set(element.slice(0, equals).trim(), element.slice(equals + 1).trim());
  }
  return pairs;
}
