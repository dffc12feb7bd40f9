/**
 * The benchmark's flag requirements as a small table language: each builder turns one requirement into a rule that
 * reads a component's flags and returns how they fall short (nothing when they meet it). An unset flag is judged by
 * upstream's default when the rule names one, so a secure default passes and an insecure one fails.
 */
import type { FieldPath } from '../../model/path.js';
import { listOf, pairsOf, parseBool, type Flags } from './flags.js';

export interface Shortfall {
  /** Where the offending value is written; absent when the flag is not set. */
  path?: FieldPath;
  message: string;
  found: string;
  expected: string;
}

export type FlagRule = (flags: Flags) => Shortfall[];

/** How to judge a flag that is not given. */
export interface Unset {
  /** The value the binary uses instead; without one, an unset flag falls short. */
  default?: string;
  /** A flag naming a configuration file that holds the setting when the flag is not given. kspm does not read it. */
  deferTo?: string;
}

/** What is wrong with a value, as a phrase that follows the flag's name ("is true"); undefined when it is fine. */
type Judge = (value: string) => string | undefined;

function valueRule(flag: string, expected: string, unset: Unset, judge: Judge): FlagRule {
  return (flags) => {
    const given = flags.get(flag);
    if (given) {
      const problem = judge(given.value);
      return problem ? [{ path: given.path, message: `${flag} ${problem}`, found: given.value, expected }] : [];
    }
    if (unset.deferTo && flags.has(unset.deferTo)) return [];
    if (unset.default === undefined) return [{ message: `${flag} is not set`, found: 'not set', expected }];
    const problem = judge(unset.default);
    if (!problem) return [];
    return [{ message: `${flag} is not set, and its default ${problem}`, found: `not set (default: ${unset.default || 'empty'})`, expected }];
  };
}

function allOf(...rules: FlagRule[]): FlagRule {
  return (flags) => rules.flatMap((rule) => rule(flags));
}

/** Each flag is given a non-empty value (a file path, usually). */
export function isSet(...names: string[]): FlagRule {
  return allOf(...names.map((flag) => valueRule(flag, `${flag} set`, {}, (value) => (value === '' ? 'is empty' : undefined))));
}

/** The flag is not given, or given an empty value. */
export function notSet(flag: string): FlagRule {
  return valueRule(flag, `${flag} not set`, { default: '' }, (value) => (value === '' ? undefined : 'is set'));
}

export function isBool(flag: string, wanted: boolean, unset: Unset = {}): FlagRule {
  return valueRule(flag, `${flag}=${wanted}`, unset, (value) => {
    const parsed = parseBool(value);
    if (parsed === undefined) return `is "${value}", which is not a boolean`;
    return parsed === wanted ? undefined : `is ${value}`;
  });
}

export function equals(flag: string, wanted: string, unset: Unset = {}): FlagRule {
  return valueRule(flag, `${flag}=${wanted}`, unset, (value) => (value === wanted ? undefined : `is ${value || 'empty'}`));
}

/** A whole number of at least `minimum`. */
export function atLeast(flag: string, minimum: number, unset: Unset = {}): FlagRule {
  return valueRule(flag, `${flag} of at least ${minimum}`, unset, (value) => {
    if (!/^-?\d+$/.test(value)) return `is "${value}", which is not a whole number`;
    return Number(value) >= minimum ? undefined : `is ${value}, below ${minimum}`;
  });
}

/** A comma-separated list that holds `element`. */
export function includes(flag: string, element: string, unset: Unset = {}): FlagRule {
  return valueRule(flag, `${flag} including ${element}`, unset, (value) => (listOf(value).includes(element) ? undefined : `does not include ${element}`));
}

/** A comma-separated list without `element`. */
export function excludes(flag: string, element: string, unset: Unset = {}): FlagRule {
  return valueRule(flag, `${flag} without ${element}`, unset, (value) => (listOf(value).includes(element) ? `includes ${element}` : undefined));
}

/** A non-empty comma-separated list drawn from `allowed` only. */
export function onlyElements(flag: string, allowed: readonly string[], unset: Unset = {}): FlagRule {
  return valueRule(flag, `${flag} listing only ${allowed.join(', ')}`, unset, (value) => {
    const elements = listOf(value);
    if (elements.length === 0) return 'is empty';
    const others = elements.filter((element) => !allowed.includes(element));
    return others.length === 0 ? undefined : `includes ${others.join(', ')}, outside the allowed list`;
  });
}

/** `--feature-gates` does not turn `gate` off (gates left out keep their default, which is on for the gates judged). */
export function featureGateNotOff(gate: string): FlagRule {
  const flag = '--feature-gates';
  return valueRule(flag, `${flag} without ${gate}=false`, { default: '' }, (value) => {
    const setting = pairsOf(value).get(gate);
    return setting !== undefined && parseBool(setting) === false ? `turns ${gate} off` : undefined;
  });
}
