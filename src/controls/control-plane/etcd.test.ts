import { ETCD_CONTROLS } from './etcd.js';
import { casesFor, KUBEADM_FLAGS, testControls } from './testing.js';

const { passes, fails } = casesFor('etcd', KUBEADM_FLAGS.etcd);
const kubeadm = passes('kubeadm manifest');

/** An etcd configured through its environment, as some charts and systemd-less setups do. */
const fromEnvironment = (env: Record<string, string>) => `apiVersion: v1
kind: Pod
metadata:
  name: etcd-0
  namespace: kube-system
spec:
  containers:
  - name: etcd
    image: registry.k8s.io/etcd:3.5.21-0
    command: [/usr/local/bin/etcd]
    env:
${Object.entries(env)
  .map(([name, value]) => `    - name: ${name}\n      value: "${value}"`)
  .join('\n')}
`;

testControls(ETCD_CONTROLS, {
  'etcd-cert-file': {
    valid: [kubeadm, { name: 'from the environment', objects: fromEnvironment({ ETCD_CERT_FILE: '/pki/server.crt', ETCD_KEY_FILE: '/pki/server.key' }) }],
    invalid: [
      fails('plain HTTP', { unset: ['--cert-file', '--key-file'], set: ['--listen-client-urls=http://127.0.0.1:2379'] }, ['--cert-file', '--cert-file is not set'], ['--key-file', '--key-file is not set']),
      {
        name: 'key missing from the environment',
        objects: fromEnvironment({ ETCD_CERT_FILE: '/pki/server.crt' }),
        violations: [{ path: 'spec.containers[0].command', message: '--key-file is not set' }],
      },
    ],
  },
  'etcd-client-cert-auth': {
    valid: [kubeadm, passes('bare flag', { set: ['--client-cert-auth'] })],
    invalid: [
      fails('unset', { unset: ['--client-cert-auth'] }, ['--client-cert-auth', '--client-cert-auth is not set, and its default is false']),
      fails('false', { set: ['--client-cert-auth=false'] }, ['--client-cert-auth', '--client-cert-auth is false']),
      {
        name: 'false in the environment',
        objects: fromEnvironment({ ETCD_CERT_FILE: '/pki/server.crt', ETCD_CLIENT_CERT_AUTH: 'false' }),
        violations: [{ path: 'spec.containers[0].env[1].value', message: '--client-cert-auth is false' }],
      },
    ],
  },
  'etcd-auto-tls': {
    valid: [kubeadm, passes('explicitly false', { set: ['--auto-tls=false'] })],
    invalid: [fails('turned on', { set: ['--auto-tls=true'] }, ['--auto-tls', '--auto-tls is true'])],
  },
  'etcd-peer-cert-file': {
    valid: [kubeadm],
    invalid: [fails('no peer key', { unset: ['--peer-key-file'] }, ['--peer-key-file', '--peer-key-file is not set'])],
  },
  'etcd-peer-client-cert-auth': {
    valid: [kubeadm],
    invalid: [fails('unset', { unset: ['--peer-client-cert-auth'] }, ['--peer-client-cert-auth', 'is not set, and its default is false'])],
  },
  'etcd-peer-auto-tls': {
    valid: [kubeadm],
    invalid: [fails('bare flag', { set: ['--peer-auto-tls'] }, ['--peer-auto-tls', '--peer-auto-tls is true'])],
  },
  'etcd-trusted-ca-file': {
    valid: [kubeadm],
    invalid: [fails('unset', { unset: ['--trusted-ca-file'] }, ['--trusted-ca-file', '--trusted-ca-file is not set'])],
  },
});
