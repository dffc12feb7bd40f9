/**
 * CIS Kubernetes Benchmark section 2: the flags of etcd, given on the command line or as `ETCD_*` environment
 * variables. An etcd started with `--config-file` ignores both and is not judged.
 */
import { defineFlagControls, type FlagCheck } from './define.js';
import { ETCD } from './component.js';
import { isBool, isSet } from './rules.js';

const CHECKS: FlagCheck[] = [
  {
    cis: '2.1',
    id: 'etcd-cert-file',
    title: 'etcd serves clients without TLS',
    severity: 'high',
    description: 'Flags etcd unless both `--cert-file` and `--key-file` are set.',
    rationale: 'etcd holds every object of the cluster, Secrets included; without a serving certificate, client traffic, and with it every Secret the API server writes or reads, crosses the network in plain text.',
    remediation: 'Issue a serving certificate from a CA dedicated to etcd, set `--cert-file` and `--key-file`, and serve clients on `https://` URLs only.',
    frameworks: [
      { framework: 'nsa', id: 'control-plane' },
      { framework: 'mitre', id: 'T1040' },
    ],
    rule: isSet('--cert-file', '--key-file'),
  },
  {
    cis: '2.2',
    id: 'etcd-client-cert-auth',
    title: 'etcd accepts clients without certificates',
    severity: 'critical',
    description: 'Flags etcd unless `--client-cert-auth=true`; it is false by default.',
    rationale: 'Without client certificate authentication anyone who can reach the client port can read and rewrite the whole cluster state, bypassing the API server, its authorization and its audit log.',
    remediation: 'Set `--client-cert-auth=true` and `--trusted-ca-file` to the etcd CA, and give the API server a client certificate from it.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: isBool('--client-cert-auth', true, { default: 'false' }),
  },
  {
    cis: '2.3',
    id: 'etcd-auto-tls',
    title: 'etcd serves clients with a self-signed certificate',
    severity: 'medium',
    description: 'Flags etcd when `--auto-tls` is true; it is false by default.',
    rationale: 'Auto TLS generates a self-signed certificate that clients cannot verify, so client traffic is encrypted but open to interception by anyone who can impersonate etcd.',
    remediation: 'Remove `--auto-tls` (or set it to false) and configure `--cert-file` and `--key-file` from the etcd CA.',
    frameworks: [
      { framework: 'nsa', id: 'control-plane' },
      { framework: 'mitre', id: 'T1557' },
    ],
    rule: isBool('--auto-tls', false, { default: 'false' }),
  },
  {
    cis: '2.4',
    id: 'etcd-peer-cert-file',
    title: 'etcd members talk to each other without TLS',
    severity: 'high',
    description: 'Flags etcd unless both `--peer-cert-file` and `--peer-key-file` are set.',
    rationale: 'Members replicate the whole data set to each other; without peer certificates that replication, Secrets included, crosses the network in plain text.',
    remediation: 'Issue peer certificates from the etcd CA, set `--peer-cert-file` and `--peer-key-file`, and use `https://` peer URLs.',
    frameworks: [
      { framework: 'nsa', id: 'control-plane' },
      { framework: 'mitre', id: 'T1040' },
    ],
    rule: isSet('--peer-cert-file', '--peer-key-file'),
  },
  {
    cis: '2.5',
    id: 'etcd-peer-client-cert-auth',
    title: 'etcd accepts peers without certificates',
    severity: 'high',
    description: 'Flags etcd unless `--peer-client-cert-auth=true`; it is false by default.',
    rationale: 'Without peer certificate authentication any host that reaches the peer port can pose as a member and receive or alter the replicated data.',
    remediation: 'Set `--peer-client-cert-auth=true` and `--peer-trusted-ca-file` to the etcd CA.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: isBool('--peer-client-cert-auth', true, { default: 'false' }),
  },
  {
    cis: '2.6',
    id: 'etcd-peer-auto-tls',
    title: 'etcd members use self-signed peer certificates',
    severity: 'medium',
    description: 'Flags etcd when `--peer-auto-tls` is true; it is false by default.',
    rationale: 'Self-signed peer certificates cannot be verified, so members cannot tell each other from an impostor on the peer network.',
    remediation: 'Remove `--peer-auto-tls` (or set it to false) and configure `--peer-cert-file` and `--peer-key-file` from the etcd CA.',
    frameworks: [
      { framework: 'nsa', id: 'control-plane' },
      { framework: 'mitre', id: 'T1557' },
    ],
    rule: isBool('--peer-auto-tls', false, { default: 'false' }),
  },
  {
    cis: '2.7',
    id: 'etcd-trusted-ca-file',
    title: 'etcd names no CA for client certificates',
    severity: 'low',
    description:
      'Flags etcd unless `--trusted-ca-file` is set. The benchmark also asks that this CA be used for etcd alone, which only a look at the certificates can tell.',
    rationale: 'If etcd trusted the cluster\'s general CA, every certificate it signed (every kubelet\'s and administrator\'s) would be a key to the datastore; a CA of its own limits that to the API server\'s client certificate.',
    remediation: 'Create a CA used only for etcd, issue the API server\'s etcd client certificate from it, and set `--trusted-ca-file` to it.',
    frameworks: [{ framework: 'nsa', id: 'control-plane' }],
    rule: isSet('--trusted-ca-file'),
  },
];

export const ETCD_CONTROLS = defineFlagControls(ETCD, CHECKS);
