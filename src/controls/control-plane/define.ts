/**
 * A CIS control-plane check as a kspm control: metadata and one flag rule, judged on each container of a Pod that runs
 * the component. A Pod that runs something else is not the control's to judge and has no violations.
 */
import { defineControl, type ControlMeta, type ResourceControl } from '../types.js';
import { invocationsOf, type Component } from './component.js';
import type { FlagRule } from './rules.js';

/** What each check states; category, applicability and the CIS reference are filled in. */
export interface FlagCheck extends Omit<ControlMeta, 'category' | 'appliesTo' | 'selfManagedOnly'> {
  /** The check's number in the CIS Kubernetes Benchmark, e.g. `1.2.1`. */
  cis: string;
  rule: FlagRule;
}

export function defineFlagControls(component: Component, checks: readonly FlagCheck[]): ResourceControl[] {
  return checks.map(({ cis, rule, frameworks, ...meta }) => ({
    ...defineControl(
      {
        ...meta,
        category: 'Control Plane',
        appliesTo: ['Pod'],
        selfManagedOnly: true,
        frameworks: [{ framework: 'cis', id: cis }, ...frameworks],
      },
      (object) =>
        invocationsOf(object, component).flatMap(({ commandPath, flags }) =>
          rule(flags).map(({ path, message, found, expected }) => ({ path: path ?? commandPath, message, found, expected })),
        ),
    ),
    judges: (object) => invocationsOf(object, component).length > 0,
  }));
}
