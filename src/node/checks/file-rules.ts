/**
 * The file checks' two rules, as kube-bench tests them: permissions at most a mode (no bit beyond the allowed ones;
 * kube-bench's `bitmask`) and an exact owner (`root:root`, kube-bench's `stat -c %U:%G`). A file the node does not
 * have is not applicable; a check over several files fails naming each one that falls short.
 */
import { fileAt, type NodeFacts, type PresentFile } from '../facts.js';
import type { NodeTargets } from '../targets.js';
import { targetsOf } from '../targets.js';
import type { Verdict } from './types.js';

/** `byPlatform`: the mode a provider's own benchmark allows on its nodes (EKS, GKE and AKS accept 644 for the kubelet's files). */
export type FileRule = { kind: 'mode'; max: number; byPlatform?: Readonly<Partial<Record<string, number>>> } | { kind: 'owner'; user: string; group: string };

export const modeAtMost = (max: number, byPlatform?: Readonly<Partial<Record<string, number>>>): FileRule => ({ kind: 'mode', max, ...(byPlatform ? { byPlatform } : {}) });

/** The rule as it applies on this node's platform. */
function onPlatform(rule: FileRule, facts: NodeFacts): FileRule {
  const max = rule.kind === 'mode' ? rule.byPlatform?.[facts.platform.id] : undefined;
  return max === undefined ? rule : { kind: 'mode', max };
}
export const ownedBy = (user: string, group: string): FileRule => ({ kind: 'owner', user, group });

export const octal = (mode: number) => mode.toString(8).padStart(3, '0');
const ownerOf = (file: PresentFile) => `${file.user ?? file.uid}:${file.group ?? file.gid}`;

function expectedOf(rule: FileRule): string {
  return rule.kind === 'mode' ? `permissions ${octal(rule.max)} or more restrictive` : `owner ${rule.user}:${rule.group}`;
}

/** What is found, and whether it meets the rule. */
function judge(file: PresentFile, rule: FileRule): { found: string; ok: boolean } {
  if (rule.kind === 'mode') return { found: octal(file.mode), ok: (file.mode & ~rule.max) === 0 };
  return { found: ownerOf(file), ok: file.user === rule.user && file.group === rule.group };
}

/** A rule over the one file a target names (`what` says what it is, for messages). */
export function oneFile(what: string, target: (targets: NodeTargets) => string | undefined, anyPlatformRule: FileRule) {
  return (facts: NodeFacts): Verdict => {
    const rule = onPlatform(anyPlatformRule, facts);
    const path = target(targetsOf(facts));
    const expected = expectedOf(rule);
    const file = path === undefined ? undefined : fileAt(facts, path);
    if (!file?.exists) return { status: 'not-applicable', expected, message: `no ${what} on this node` };
    const { found, ok } = judge(file, rule);
    return ok
      ? { status: 'pass', found, expected, location: file.path, message: `${what} ${file.path} has ${rule.kind === 'mode' ? 'permissions' : 'owner'} ${found}` }
      : { status: 'fail', found, expected, location: file.path, message: `${what} ${file.path} has ${rule.kind === 'mode' ? 'permissions' : 'owner'} ${found}; expected ${expected}` };
  };
}

/** A rule over every file a target names; the failing ones are listed in `found`. */
export function everyFile(what: string, targets: (targets: NodeTargets) => readonly string[], anyPlatformRule: FileRule) {
  return (facts: NodeFacts): Verdict => {
    const rule = onPlatform(anyPlatformRule, facts);
    const expected = expectedOf(rule);
    const files = targets(targetsOf(facts))
      .map((path) => fileAt(facts, path))
      .filter((file): file is PresentFile => file.exists);
    if (files.length === 0) return { status: 'not-applicable', expected, message: `no ${what} on this node` };
    const failing = files.flatMap((file) => {
      const { found, ok } = judge(file, rule);
      return ok ? [] : [{ path: file.path, found }];
    });
    if (failing.length === 0) return { status: 'pass', expected, found: `${files.length} checked`, message: `all ${files.length} ${what} meet it` };
    const first = failing[0]!;
    return {
      status: 'fail',
      found: failing,
      expected,
      location: first.path,
      message: `${failing.length} of ${files.length} ${what} fall short: ${failing.slice(0, 5).map((f) => `${f.path} (${f.found})`).join(', ')}${failing.length > 5 ? ', ...' : ''}`,
    };
  };
}
