/** CIS Kubernetes Benchmark section 1.2: the flags of kube-apiserver. */
import { defineFlagControls, type FlagCheck } from './define.js';
import { KUBE_APISERVER } from './component.js';
import { atLeast, excludes, includes, isBool, isSet, notSet, onlyElements } from './rules.js';

const AUTHORIZATION = { default: 'AlwaysAllow', deferTo: '--authorization-config' };

/** The suites the benchmark accepts: AEAD ciphers with forward secrecy (and the TLS 1.3 suites). */
const STRONG_CIPHER_SUITES = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
];

const CHECKS: FlagCheck[] = [
  {
    cis: '1.2.1',
    id: 'apiserver-anonymous-auth',
    title: 'API server accepts anonymous requests',
    severity: 'medium',
    description:
      'Flags kube-apiserver unless `--anonymous-auth=false`; anonymous requests are allowed by default. When the flag is unset and `--authentication-config` is given, the setting lives in that file and is not judged.',
    rationale:
      'A request without credentials is served as `system:anonymous`; any RoleBinding to that user or to `system:unauthenticated`, added by mistake or by a chart, then opens the API to everyone who can reach it.',
    remediation:
      'Set `--anonymous-auth=false`. If health checks need unauthenticated access, use an AuthenticationConfiguration whose `anonymous` section allows only `/livez`, `/readyz` and `/healthz`.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: isBool('--anonymous-auth', false, { default: 'true', deferTo: '--authentication-config' }),
  },
  {
    cis: '1.2.2',
    id: 'apiserver-token-auth-file',
    title: 'API server accepts static bearer tokens',
    severity: 'high',
    description: 'Flags kube-apiserver when `--token-auth-file` names a file of static tokens.',
    rationale:
      'Static tokens are stored in plain text on the control-plane node, never expire, and can only be revoked by editing the file and restarting the API server, so a leaked token stays valid indefinitely.',
    remediation:
      'Remove `--token-auth-file` and authenticate people through OIDC or client certificates and workloads through service account tokens.',
    frameworks: [
      { framework: 'nsa', id: 'control-plane' },
      { framework: 'mitre', id: 'T1552.001' },
    ],
    rule: notSet('--token-auth-file'),
  },
  {
    cis: '1.2.3',
    id: 'apiserver-deny-service-external-ips',
    title: 'API server allows Services to claim external IPs',
    severity: 'low',
    description: 'Flags kube-apiserver unless `--enable-admission-plugins` includes DenyServiceExternalIPs, which is off by default.',
    rationale:
      'A user who may create Services can set `spec.externalIPs` to any address and have kube-proxy divert the cluster\'s traffic for it to their pods (CVE-2020-8554).',
    remediation:
      'Add DenyServiceExternalIPs to `--enable-admission-plugins`; where external IPs are needed, allow them through a validating policy instead.',
    frameworks: [{ framework: 'mitre', id: 'T1557' }],
    links: ['https://github.com/kubernetes/kubernetes/issues/97076'],
    rule: includes('--enable-admission-plugins', 'DenyServiceExternalIPs', { default: '' }),
  },
  {
    cis: '1.2.4',
    id: 'apiserver-kubelet-client-cert',
    title: 'API server has no client certificate for kubelets',
    severity: 'high',
    description: 'Flags kube-apiserver unless both `--kubelet-client-certificate` and `--kubelet-client-key` are set.',
    rationale:
      'The API server calls kubelets for exec, attach, logs and port-forward. Without a client certificate it cannot authenticate to them, which pushes kubelets towards accepting unauthenticated requests.',
    remediation:
      'Issue a client certificate for the API server from the CA the kubelets trust and set `--kubelet-client-certificate` and `--kubelet-client-key`.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: isSet('--kubelet-client-certificate', '--kubelet-client-key'),
  },
  {
    cis: '1.2.5',
    id: 'apiserver-kubelet-certificate-authority',
    title: 'API server does not verify kubelet certificates',
    severity: 'medium',
    description: 'Flags kube-apiserver unless `--kubelet-certificate-authority` is set.',
    rationale:
      'Without a CA to check against, the API server accepts any certificate a kubelet presents, so anyone who can intercept node traffic can read or inject exec sessions, logs and port-forwards.',
    remediation:
      'Have kubelets serve certificates signed by a known CA (for example with `serverTLSBootstrap: true` and approved CSRs) and set `--kubelet-certificate-authority` to that CA.',
    frameworks: [
      { framework: 'nsa', id: 'control-plane' },
      { framework: 'mitre', id: 'T1557' },
    ],
    rule: isSet('--kubelet-certificate-authority'),
  },
  {
    cis: '1.2.6',
    id: 'apiserver-authorization-always-allow',
    title: 'API server authorizes every request',
    severity: 'critical',
    description:
      'Flags kube-apiserver when `--authorization-mode` includes AlwaysAllow, its default. When the flag is unset and `--authorization-config` is given, the modes live in that file and are not judged.',
    rationale: 'With AlwaysAllow every authenticated user and service account can do anything, which makes RBAC meaningless.',
    remediation: 'Set `--authorization-mode=Node,RBAC` (without AlwaysAllow).',
    frameworks: [
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1078' },
    ],
    rule: excludes('--authorization-mode', 'AlwaysAllow', AUTHORIZATION),
  },
  {
    cis: '1.2.7',
    id: 'apiserver-authorization-node',
    title: 'API server does not use the Node authorizer',
    severity: 'high',
    description: 'Flags kube-apiserver unless `--authorization-mode` includes Node.',
    rationale:
      'The Node authorizer lets each kubelet read only the Secrets, ConfigMaps and volumes of pods bound to its own node. Without it kubelets need broad rights, and one compromised node reads the secrets of the whole cluster.',
    remediation: 'Set `--authorization-mode=Node,RBAC`.',
    frameworks: [{ framework: 'nsa', id: 'rbac' }],
    rule: includes('--authorization-mode', 'Node', AUTHORIZATION),
  },
  {
    cis: '1.2.8',
    id: 'apiserver-authorization-rbac',
    title: 'API server does not use RBAC',
    severity: 'high',
    description: 'Flags kube-apiserver unless `--authorization-mode` includes RBAC.',
    rationale: 'Without the RBAC authorizer, Roles and RoleBindings have no effect, so least-privilege access cannot be expressed.',
    remediation: 'Set `--authorization-mode=Node,RBAC`.',
    frameworks: [{ framework: 'nsa', id: 'rbac' }],
    rule: includes('--authorization-mode', 'RBAC', AUTHORIZATION),
  },
  {
    cis: '1.2.9',
    id: 'apiserver-event-rate-limit',
    title: 'API server does not limit the rate of events',
    severity: 'low',
    description: 'Flags kube-apiserver unless `--enable-admission-plugins` includes EventRateLimit, which is off by default.',
    rationale: 'A misbehaving or malicious client can flood the API server and etcd with Events and slow down the whole control plane.',
    remediation:
      'Add EventRateLimit to `--enable-admission-plugins` and configure its limits in the file given by `--admission-control-config-file`.',
    frameworks: [
      { framework: 'nsa', id: 'resource-policies' },
      { framework: 'mitre', id: 'T1499' },
    ],
    rule: includes('--enable-admission-plugins', 'EventRateLimit', { default: '' }),
  },
  {
    cis: '1.2.10',
    id: 'apiserver-always-admit',
    title: 'API server enables the AlwaysAdmit plugin',
    severity: 'medium',
    description: 'Flags kube-apiserver when `--enable-admission-plugins` includes AlwaysAdmit.',
    rationale:
      'AlwaysAdmit is deprecated and admits every request; listing it records an intent to run without admission control, and it hides which plugins were meant to guard the cluster.',
    remediation: 'Remove AlwaysAdmit from `--enable-admission-plugins`.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: excludes('--enable-admission-plugins', 'AlwaysAdmit', { default: '' }),
  },
  {
    cis: '1.2.11',
    id: 'apiserver-always-pull-images',
    title: 'API server does not force image pulls',
    severity: 'low',
    description: 'Flags kube-apiserver unless `--enable-admission-plugins` includes AlwaysPullImages.',
    rationale:
      'A private image cached on a node can be run by any pod scheduled there, even one without the pull credentials. AlwaysPullImages makes every pod pull, so the registry checks its credentials each time.',
    remediation:
      'Add AlwaysPullImages to `--enable-admission-plugins`, after checking that the registry can sustain the extra pulls; the kubelet\'s ensure-secret-pulled-images feature (alpha since 1.33) addresses the same gap.',
    frameworks: [],
    rule: includes('--enable-admission-plugins', 'AlwaysPullImages', { default: '' }),
  },
  {
    cis: '1.2.12',
    id: 'apiserver-service-account-plugin',
    title: 'API server disables the ServiceAccount plugin',
    severity: 'medium',
    description: 'Flags kube-apiserver when `--disable-admission-plugins` includes ServiceAccount, which is on by default.',
    rationale:
      'The ServiceAccount plugin gives every pod an existing service account and mounts a token bound to the pod. Without it pods may name accounts that do not exist and lose the projected token.',
    remediation: 'Remove ServiceAccount from `--disable-admission-plugins`.',
    frameworks: [{ framework: 'nsa', id: 'sa-tokens' }],
    rule: excludes('--disable-admission-plugins', 'ServiceAccount', { default: '' }),
  },
  {
    cis: '1.2.13',
    id: 'apiserver-namespace-lifecycle',
    title: 'API server disables the NamespaceLifecycle plugin',
    severity: 'medium',
    description: 'Flags kube-apiserver when `--disable-admission-plugins` includes NamespaceLifecycle, which is on by default.',
    rationale:
      'NamespaceLifecycle refuses objects in namespaces that do not exist or are being deleted, and protects `default`, `kube-system` and `kube-public` from deletion; without it objects can outlive the namespace and the policies that governed them.',
    remediation: 'Remove NamespaceLifecycle from `--disable-admission-plugins`.',
    frameworks: [{ framework: 'nsa', id: 'namespaces' }],
    rule: excludes('--disable-admission-plugins', 'NamespaceLifecycle', { default: '' }),
  },
  {
    cis: '1.2.14',
    id: 'apiserver-node-restriction',
    title: 'API server does not restrict what kubelets may change',
    severity: 'high',
    description: 'Flags kube-apiserver unless `--enable-admission-plugins` includes NodeRestriction, which is off by default.',
    rationale:
      'NodeRestriction limits a kubelet to its own Node and the pods bound to it, and forbids it to set `node-restriction.kubernetes.io/` labels. Without it a compromised node can relabel itself to attract sensitive workloads or tamper with other nodes.',
    remediation: 'Add NodeRestriction to `--enable-admission-plugins` (with the Node authorizer in `--authorization-mode`).',
    frameworks: [{ framework: 'nsa', id: 'rbac' }],
    rule: includes('--enable-admission-plugins', 'NodeRestriction', { default: '' }),
  },
  {
    cis: '1.2.15',
    id: 'apiserver-profiling',
    title: 'API server serves profiling data',
    severity: 'medium',
    description: 'Flags kube-apiserver unless `--profiling=false`; profiling is on by default.',
    rationale:
      'The `/debug/pprof` endpoints reveal internals of the running server and expensive profiles can be requested repeatedly to load it; production servers do not need them.',
    remediation: 'Set `--profiling=false`.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: isBool('--profiling', false, { default: 'true' }),
  },
  {
    cis: '1.2.16',
    id: 'apiserver-audit-log-path',
    title: 'API server writes no audit log',
    severity: 'medium',
    description: 'Flags kube-apiserver unless `--audit-log-path` is set.',
    rationale: 'Without an audit log there is no record of who read or changed what through the API, so an intrusion can be neither detected nor reconstructed.',
    remediation:
      'Set `--audit-log-path` (for example `/var/log/kubernetes/audit/audit.log`) together with an `--audit-policy-file`, and mount the directory into the pod.',
    frameworks: [{ framework: 'nsa', id: 'audit-logging' }],
    rule: isSet('--audit-log-path'),
  },
  {
    cis: '1.2.17',
    id: 'apiserver-audit-log-maxage',
    title: 'API server keeps audit logs for less than 30 days',
    severity: 'medium',
    description: 'Flags kube-apiserver unless `--audit-log-maxage` is set to 30 days or more.',
    rationale: 'Intrusions are often found weeks after they begin; an explicit retention of at least 30 days keeps the record that investigation needs.',
    remediation: 'Set `--audit-log-maxage=30` or the retention your policy requires.',
    frameworks: [{ framework: 'nsa', id: 'audit-logging' }],
    rule: atLeast('--audit-log-maxage', 30),
  },
  {
    cis: '1.2.18',
    id: 'apiserver-audit-log-maxbackup',
    title: 'API server keeps fewer than 10 rotated audit logs',
    severity: 'medium',
    description: 'Flags kube-apiserver unless `--audit-log-maxbackup` is set to 10 or more.',
    rationale: 'Rotated audit files beyond this count are deleted; an explicit count of at least 10 keeps enough history for an investigation.',
    remediation: 'Set `--audit-log-maxbackup=10` or the count your policy requires.',
    frameworks: [{ framework: 'nsa', id: 'audit-logging' }],
    rule: atLeast('--audit-log-maxbackup', 10),
  },
  {
    cis: '1.2.19',
    id: 'apiserver-audit-log-maxsize',
    title: 'API server rotates audit logs below 100 MB',
    severity: 'medium',
    description: 'Flags kube-apiserver unless `--audit-log-maxsize` is set to 100 (megabytes) or more.',
    rationale: 'Together with the number of files kept, the rotation size decides how much audit history survives; small files with few backups lose events quickly.',
    remediation: 'Set `--audit-log-maxsize=100` or the size your policy requires.',
    frameworks: [{ framework: 'nsa', id: 'audit-logging' }],
    rule: atLeast('--audit-log-maxsize', 100),
  },
  {
    cis: '1.2.21',
    id: 'apiserver-service-account-lookup',
    title: 'API server accepts tokens of deleted service accounts',
    severity: 'medium',
    description: 'Flags kube-apiserver when `--service-account-lookup` is false; it is true by default.',
    rationale: 'Without the lookup, a token stays valid after its service account or Secret is deleted, until it expires, so revoking a leaked token does not work.',
    remediation: 'Remove `--service-account-lookup` or set it to true.',
    frameworks: [
      { framework: 'nsa', id: 'sa-tokens' },
      { framework: 'mitre', id: 'T1528' },
    ],
    rule: isBool('--service-account-lookup', true, { default: 'true' }),
  },
  {
    cis: '1.2.22',
    id: 'apiserver-service-account-key-file',
    title: 'API server has no explicit service account key',
    severity: 'medium',
    description: 'Flags kube-apiserver unless `--service-account-key-file` is set.',
    rationale:
      'Without it the API server verifies service account tokens with its TLS serving key, which ties token trust to the serving certificate and prevents rotating the signing keys on their own.',
    remediation: 'Set `--service-account-key-file` to the public key(s) matching the controller manager\'s `--service-account-private-key-file` and the `--service-account-signing-key-file`.',
    frameworks: [{ framework: 'nsa', id: 'sa-tokens' }],
    rule: isSet('--service-account-key-file'),
  },
  {
    cis: '1.2.23',
    id: 'apiserver-etcd-client-cert',
    title: 'API server has no client certificate for etcd',
    severity: 'high',
    description: 'Flags kube-apiserver unless both `--etcd-certfile` and `--etcd-keyfile` are set.',
    rationale: 'etcd holds every object of the cluster, Secrets included. Without a client certificate the API server cannot authenticate to it, which means etcd accepts clients without certificates.',
    remediation: 'Issue a client certificate from the etcd CA and set `--etcd-certfile` and `--etcd-keyfile`; make etcd require client certificates.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: isSet('--etcd-certfile', '--etcd-keyfile'),
  },
  {
    cis: '1.2.24',
    id: 'apiserver-tls-cert',
    title: 'API server has no configured serving certificate',
    severity: 'high',
    description: 'Flags kube-apiserver unless both `--tls-cert-file` and `--tls-private-key-file` are set.',
    rationale: 'Without them the API server serves a self-signed certificate that clients cannot verify, so they either fail or skip verification and become open to interception.',
    remediation: 'Issue a serving certificate from the cluster CA and set `--tls-cert-file` and `--tls-private-key-file`.',
    frameworks: [
      { framework: 'nsa', id: 'control-plane' },
      { framework: 'mitre', id: 'T1557' },
    ],
    rule: isSet('--tls-cert-file', '--tls-private-key-file'),
  },
  {
    cis: '1.2.25',
    id: 'apiserver-client-ca-file',
    title: 'API server does not verify client certificates',
    severity: 'high',
    description: 'Flags kube-apiserver unless `--client-ca-file` is set.',
    rationale: 'Without a client CA the API server cannot authenticate the kubelets, controllers and administrators that present certificates, which pushes clusters towards weaker credentials.',
    remediation: 'Set `--client-ca-file` to the CA that signs the cluster\'s client certificates.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: isSet('--client-ca-file'),
  },
  {
    cis: '1.2.26',
    id: 'apiserver-etcd-cafile',
    title: 'API server does not verify etcd\'s certificate',
    severity: 'high',
    description: 'Flags kube-apiserver unless `--etcd-cafile` is set.',
    rationale: 'Without the etcd CA the API server cannot tell the real etcd from an impostor that would receive every write, Secrets included.',
    remediation: 'Set `--etcd-cafile` to the CA that signed etcd\'s serving certificates.',
    frameworks: [
      { framework: 'nsa', id: 'control-plane' },
      { framework: 'mitre', id: 'T1557' },
    ],
    rule: isSet('--etcd-cafile'),
  },
  {
    cis: '1.2.27',
    id: 'apiserver-encryption-provider-config',
    title: 'API server does not encrypt data at rest',
    severity: 'medium',
    description:
      'Flags kube-apiserver unless `--encryption-provider-config` is set. Which providers the file names (CIS 1.2.28) is not read.',
    rationale: 'Without an encryption configuration, Secrets are stored in etcd in plain text, readable by anyone with a copy of the etcd data or a backup.',
    remediation: 'Write an EncryptionConfiguration that encrypts Secrets with `kms` v2 (or `aescbc`/`secretbox`) and set `--encryption-provider-config` to it.',
    frameworks: [
      { framework: 'nsa', id: 'secrets' },
      { framework: 'mitre', id: 'T1552' },
    ],
    rule: isSet('--encryption-provider-config'),
  },
  {
    cis: '1.2.29',
    id: 'apiserver-tls-cipher-suites',
    title: 'API server allows weak TLS cipher suites',
    severity: 'low',
    description:
      'Flags kube-apiserver unless `--tls-cipher-suites` lists only AEAD suites with forward secrecy; when it is unset the Go runtime\'s defaults apply, which are wider.',
    rationale: 'Suites without forward secrecy or with CBC-mode ciphers weaken the confidentiality of API traffic against recorded-then-decrypted and padding-oracle attacks.',
    remediation: `Set \`--tls-cipher-suites\` to suites from: ${STRONG_CIPHER_SUITES.join(', ')}.`,
    frameworks: [
      { framework: 'nsa', id: 'control-plane' },
      { framework: 'mitre', id: 'T1557' },
    ],
    rule: onlyElements('--tls-cipher-suites', STRONG_CIPHER_SUITES),
  },
  {
    cis: '1.2.30',
    id: 'apiserver-sa-token-extend-expiration',
    title: 'API server extends the lifetime of service account tokens',
    severity: 'medium',
    description: 'Flags kube-apiserver unless `--service-account-extend-token-expiration=false`; it is true by default.',
    rationale: 'With the extension, projected tokens the kubelet requests for one hour are issued for a year, so a token stolen from a pod stays usable long after the pod is gone.',
    remediation: 'Set `--service-account-extend-token-expiration=false` once every client library in the cluster refreshes its projected token.',
    frameworks: [
      { framework: 'nsa', id: 'sa-tokens' },
      { framework: 'mitre', id: 'T1528' },
    ],
    rule: isBool('--service-account-extend-token-expiration', false, { default: 'true' }),
  },
];

export const APISERVER_CONTROLS = defineFlagControls(KUBE_APISERVER, CHECKS);
