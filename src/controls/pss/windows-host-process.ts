/**
 * Windows pods offer the ability to run HostProcess containers, with privileged access to the Windows node; they
 * must be disallowed.
 *
 * Restricted fields: spec.securityContext.windowsOptions.hostProcess,
 * spec.containers[*].securityContext.windowsOptions.hostProcess (and initContainers, ephemeralContainers)
 * Allowed values: undefined/null, false
 */
import { record, type WindowsOptions } from '../../model/k8s.js';
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { securityContextSetters, type PssPod } from './pod.js';

function windowsHostProcess_1_0(pod: PssPod): Violation[] {
  return securityContextSetters(pod)
    .filter(({ context }) => record<WindowsOptions>(context?.windowsOptions)?.hostProcess === true)
    .map(({ who, path }) => ({
      path: [...path, 'windowsOptions', 'hostProcess'],
      message: `hostProcess: ${who} must not set securityContext.windowsOptions.hostProcess=true`,
      found: true,
      expected: 'undefined or false',
    }));
}

export default definePssControl(
  {
    id: 'pss-windows-host-process',
    title: 'Windows HostProcess container',
    severity: 'critical',
    description: 'Flags pods or containers that set windowsOptions.hostProcess to true.',
    rationale:
      "A HostProcess container runs directly on the Windows node, in the host's network namespace and with the rights of a node account: it is the Windows equivalent of a privileged container.",
    remediation: 'Remove windowsOptions.hostProcess (or set it to false); run node management tools in a separately governed namespace.',
    frameworks: [
      { framework: 'cis', id: '5.2.10' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1611' },
    ],
  },
  { check: 'windowsHostProcess', level: 'baseline', versions: [{ minimum: 0, check: windowsHostProcess_1_0 }] },
);
