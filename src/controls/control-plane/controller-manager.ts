/** CIS Kubernetes Benchmark section 1.3: the flags of kube-controller-manager. */
import { defineFlagControls, type FlagCheck } from './define.js';
import { KUBE_CONTROLLER_MANAGER } from './component.js';
import { equals, featureGateNotOff, isBool, isSet } from './rules.js';

const CHECKS: FlagCheck[] = [
  {
    cis: '1.3.1',
    id: 'controller-manager-terminated-pod-gc',
    title: 'Controller manager keeps the default number of terminated pods',
    severity: 'low',
    description: 'Flags kube-controller-manager unless `--terminated-pod-gc-threshold` is set; by default 12,500 terminated pods are kept.',
    rationale: 'Terminated pods pile up in etcd until the threshold is reached; a threshold sized for the cluster keeps the store and the controllers that list pods responsive.',
    remediation: 'Set `--terminated-pod-gc-threshold` to a value that suits the cluster, for example `--terminated-pod-gc-threshold=1000`.',
    frameworks: [{ framework: 'nsa', id: 'resource-policies' }],
    rule: isSet('--terminated-pod-gc-threshold'),
  },
  {
    cis: '1.3.2',
    id: 'controller-manager-profiling',
    title: 'Controller manager serves profiling data',
    severity: 'medium',
    description: 'Flags kube-controller-manager unless `--profiling=false`; profiling is on by default.',
    rationale:
      'The `/debug/pprof` endpoints reveal internals of the running process and expensive profiles can be requested repeatedly to load it; production control planes do not need them.',
    remediation: 'Set `--profiling=false`.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: isBool('--profiling', false, { default: 'true' }),
  },
  {
    cis: '1.3.3',
    id: 'controller-manager-service-account-credentials',
    title: 'Controllers share the controller manager\'s credentials',
    severity: 'medium',
    description: 'Flags kube-controller-manager unless `--use-service-account-credentials=true`; it is false by default.',
    rationale:
      'Without it every controller acts with the controller manager\'s own identity, which must then hold the union of all their permissions; with it each controller uses its own service account and narrow `system:controller:` role.',
    remediation: 'Set `--use-service-account-credentials=true` (the default RBAC policy already has a role for each controller).',
    frameworks: [{ framework: 'nsa', id: 'rbac' }],
    rule: isBool('--use-service-account-credentials', true, { default: 'false' }),
  },
  {
    cis: '1.3.4',
    id: 'controller-manager-sa-private-key-file',
    title: 'Controller manager has no service account signing key',
    severity: 'medium',
    description: 'Flags kube-controller-manager unless `--service-account-private-key-file` is set.',
    rationale:
      'The controller manager signs service account tokens with this key; set explicitly and paired with the API server\'s `--service-account-key-file`, it can be rotated without touching other certificates.',
    remediation: 'Set `--service-account-private-key-file` to the private key whose public half the API server lists in `--service-account-key-file`.',
    frameworks: [{ framework: 'nsa', id: 'sa-tokens' }],
    rule: isSet('--service-account-private-key-file'),
  },
  {
    cis: '1.3.5',
    id: 'controller-manager-root-ca-file',
    title: 'Controller manager gives pods no explicit root CA',
    severity: 'medium',
    description: 'Flags kube-controller-manager unless `--root-ca-file` is set.',
    rationale:
      'Pods verify the API server with the CA the controller manager publishes to them; set explicitly, it is the bundle that signed the serving certificate, so clients need not skip verification and risk interception.',
    remediation: 'Set `--root-ca-file` to the CA bundle that signed the API server\'s serving certificate.',
    frameworks: [
      { framework: 'nsa', id: 'control-plane' },
      { framework: 'mitre', id: 'T1557' },
    ],
    rule: isSet('--root-ca-file'),
  },
  {
    cis: '1.3.6',
    id: 'controller-manager-rotate-kubelet-server-cert',
    title: 'Controller manager turns off kubelet serving certificate rotation',
    severity: 'medium',
    description: 'Flags kube-controller-manager when `--feature-gates` sets RotateKubeletServerCertificate=false; the gate is on by default.',
    rationale: 'Rotation lets kubelets renew their serving certificates through the API before they expire; without it certificates are made long-lived or are renewed by hand, and keys stay in use for longer.',
    remediation: 'Remove RotateKubeletServerCertificate=false from `--feature-gates`.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: featureGateNotOff('RotateKubeletServerCertificate'),
  },
  {
    cis: '1.3.7',
    id: 'controller-manager-bind-address',
    title: 'Controller manager listens on every address',
    severity: 'medium',
    description: 'Flags kube-controller-manager unless `--bind-address=127.0.0.1`; by default it binds to 0.0.0.0.',
    rationale:
      'Its HTTPS port (10257) serves health, metrics and, unless disabled, profiling; only local probes need it, and bound to every address it is one more service reachable from the network.',
    remediation: 'Set `--bind-address=127.0.0.1` and point health probes at 127.0.0.1.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: equals('--bind-address', '127.0.0.1', { default: '0.0.0.0' }),
  },
];

export const CONTROLLER_MANAGER_CONTROLS = defineFlagControls(KUBE_CONTROLLER_MANAGER, CHECKS);
