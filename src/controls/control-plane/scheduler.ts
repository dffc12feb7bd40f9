/** CIS Kubernetes Benchmark section 1.4: the flags of kube-scheduler. */
import { defineFlagControls, type FlagCheck } from './define.js';
import { KUBE_SCHEDULER } from './component.js';
import { equals, isBool } from './rules.js';

const CHECKS: FlagCheck[] = [
  {
    cis: '1.4.1',
    id: 'scheduler-profiling',
    title: 'Scheduler serves profiling data',
    severity: 'medium',
    description:
      'Flags kube-scheduler unless `--profiling=false`; profiling is on by default. When the flag is unset and `--config` is given, the setting lives in that file and is not judged.',
    rationale:
      'The `/debug/pprof` endpoints reveal internals of the running process and expensive profiles can be requested repeatedly to load it; production control planes do not need them.',
    remediation: 'Set `--profiling=false`, or `enableProfiling: false` in the KubeSchedulerConfiguration given by `--config`.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: isBool('--profiling', false, { default: 'true', deferTo: '--config' }),
  },
  {
    cis: '1.4.2',
    id: 'scheduler-bind-address',
    title: 'Scheduler listens on every address',
    severity: 'medium',
    description: 'Flags kube-scheduler unless `--bind-address=127.0.0.1`; by default it binds to 0.0.0.0.',
    rationale:
      'Its HTTPS port (10259) serves health, metrics and, unless disabled, profiling; only local probes need it, and bound to every address it is one more service reachable from the network.',
    remediation: 'Set `--bind-address=127.0.0.1` and point health probes at 127.0.0.1.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: equals('--bind-address', '127.0.0.1', { default: '0.0.0.0' }),
  },
];

export const SCHEDULER_CONTROLS = defineFlagControls(KUBE_SCHEDULER, CHECKS);
