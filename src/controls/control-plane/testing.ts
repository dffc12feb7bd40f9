/**
 * Static pods of a kubeadm control plane (v1.33, one node at 192.168.56.10), as the YAML kubeadm writes to
 * /etc/kubernetes/manifests, for the tests of this folder. Flags are lists of words; `staticPod` places them in the
 * container's `command` after the binary, so the flag at index i is `command[i + 1]`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testControl, type ControlCases, type InvalidCase, type ValidCase } from '../testing.js';
import type { ResourceControl } from '../types.js';

export type Binary = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd';

/** What `kubeadm init` writes, unchanged. */
export const KUBEADM_FLAGS: Readonly<Record<Binary, readonly string[]>> = {
  'kube-apiserver': [
    '--advertise-address=192.168.56.10',
    '--allow-privileged=true',
    '--authorization-mode=Node,RBAC',
    '--client-ca-file=/etc/kubernetes/pki/ca.crt',
    '--enable-admission-plugins=NodeRestriction',
    '--enable-bootstrap-token-auth=true',
    '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
    '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
    '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
    '--etcd-servers=https://127.0.0.1:2379',
    '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
    '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
    '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
    '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
    '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key',
    '--requestheader-allowed-names=front-proxy-client',
    '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
    '--requestheader-extra-headers-prefix=X-Remote-Extra-',
    '--requestheader-group-headers=X-Remote-Group',
    '--requestheader-username-headers=X-Remote-User',
    '--secure-port=6443',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
    '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
    '--service-cluster-ip-range=10.96.0.0/12',
    '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
    '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
  ],
  'kube-controller-manager': [
    '--allocate-node-cidrs=true',
    '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
    '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
    '--bind-address=127.0.0.1',
    '--client-ca-file=/etc/kubernetes/pki/ca.crt',
    '--cluster-cidr=10.244.0.0/16',
    '--cluster-name=kubernetes',
    '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
    '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key',
    '--controllers=*,bootstrapsigner,tokencleaner',
    '--kubeconfig=/etc/kubernetes/controller-manager.conf',
    '--leader-elect=true',
    '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
    '--root-ca-file=/etc/kubernetes/pki/ca.crt',
    '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
    '--service-cluster-ip-range=10.96.0.0/12',
    '--use-service-account-credentials=true',
  ],
  'kube-scheduler': [
    '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
    '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
    '--bind-address=127.0.0.1',
    '--kubeconfig=/etc/kubernetes/scheduler.conf',
    '--leader-elect=true',
  ],
  etcd: [
    '--advertise-client-urls=https://192.168.56.10:2379',
    '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
    '--client-cert-auth=true',
    '--data-dir=/var/lib/etcd',
    '--experimental-initial-corrupt-check=true',
    '--experimental-watch-progress-notify-interval=5s',
    '--initial-advertise-peer-urls=https://192.168.56.10:2380',
    '--initial-cluster=cp-1=https://192.168.56.10:2380',
    '--key-file=/etc/kubernetes/pki/etcd/server.key',
    '--listen-client-urls=https://127.0.0.1:2379,https://192.168.56.10:2379',
    '--listen-metrics-urls=http://127.0.0.1:2381',
    '--listen-peer-urls=https://192.168.56.10:2380',
    '--name=cp-1',
    '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
    '--peer-client-cert-auth=true',
    '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
    '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
    '--snapshot-count=10000',
    '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
  ],
};

const STRONG_SUITES = 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384';

/** kubeadm's manifests with the benchmark's hardening added (through `extraArgs`, as an operator would). */
export const HARDENED_FLAGS: Readonly<Record<Binary, readonly string[]>> = {
  'kube-apiserver': [
    ...KUBEADM_FLAGS['kube-apiserver'].map((flag) =>
      flag.startsWith('--enable-admission-plugins=') ? '--enable-admission-plugins=NodeRestriction,EventRateLimit,AlwaysPullImages,DenyServiceExternalIPs' : flag,
    ),
    '--admission-control-config-file=/etc/kubernetes/admission/config.yaml',
    '--anonymous-auth=false',
    '--audit-log-maxage=30',
    '--audit-log-maxbackup=10',
    '--audit-log-maxsize=100',
    '--audit-log-path=/var/log/kubernetes/audit/audit.log',
    '--audit-policy-file=/etc/kubernetes/audit/policy.yaml',
    '--encryption-provider-config=/etc/kubernetes/encryption/config.yaml',
    '--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt',
    '--profiling=false',
    '--service-account-extend-token-expiration=false',
    `--tls-cipher-suites=${STRONG_SUITES}`,
  ],
  'kube-controller-manager': [...KUBEADM_FLAGS['kube-controller-manager'], '--profiling=false', '--terminated-pod-gc-threshold=1000'],
  'kube-scheduler': [...KUBEADM_FLAGS['kube-scheduler'], '--profiling=false'],
  etcd: KUBEADM_FLAGS.etcd,
};

interface Mount {
  name: string;
  path: string;
  type: 'DirectoryOrCreate' | 'FileOrCreate';
  writable?: boolean;
}

const directory = (name: string, path: string, writable = false): Mount => ({ name, path, type: 'DirectoryOrCreate', writable });
const file = (name: string, path: string): Mount => ({ name, path, type: 'FileOrCreate' });

interface Shape {
  image: string;
  probe: { host: string; port: number; path: string; scheme: string };
  cpu: string;
  /** Host directories and files the container mounts; only etcd writes to one. */
  mounts: readonly Mount[];
}

const SHAPES: Record<Binary, Shape> = {
  'kube-apiserver': {
    image: 'registry.k8s.io/kube-apiserver:v1.33.2',
    probe: { host: '192.168.56.10', port: 6443, path: '/livez', scheme: 'HTTPS' },
    cpu: '250m',
    mounts: [directory('ca-certs', '/etc/ssl/certs'), directory('k8s-certs', '/etc/kubernetes/pki')],
  },
  'kube-controller-manager': {
    image: 'registry.k8s.io/kube-controller-manager:v1.33.2',
    probe: { host: '127.0.0.1', port: 10257, path: '/healthz', scheme: 'HTTPS' },
    cpu: '200m',
    mounts: [directory('ca-certs', '/etc/ssl/certs'), directory('k8s-certs', '/etc/kubernetes/pki'), file('kubeconfig', '/etc/kubernetes/controller-manager.conf')],
  },
  'kube-scheduler': {
    image: 'registry.k8s.io/kube-scheduler:v1.33.2',
    probe: { host: '127.0.0.1', port: 10259, path: '/livez', scheme: 'HTTPS' },
    cpu: '100m',
    mounts: [file('kubeconfig', '/etc/kubernetes/scheduler.conf')],
  },
  etcd: {
    image: 'registry.k8s.io/etcd:3.5.21-0',
    probe: { host: '127.0.0.1', port: 2381, path: '/livez', scheme: 'HTTP' },
    cpu: '100m',
    mounts: [directory('etcd-data', '/var/lib/etcd', true), directory('etcd-certs', '/etc/kubernetes/pki/etcd', true)],
  },
};

/** The static pod kubeadm writes for `binary`, running it with `flags`. */
export function staticPod(binary: Binary, flags: readonly string[]): string {
  const { image, probe, cpu, mounts } = SHAPES[binary];
  const lines = (items: readonly string[], indent: string) => items.map((item) => `${indent}${item}`).join('\n');
  return `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: ${binary}
    tier: control-plane
  name: ${binary}-cp-1
  namespace: kube-system
spec:
  containers:
  - command:
    - ${binary}
${lines(flags, '    - ')}
    image: ${image}
    imagePullPolicy: IfNotPresent
    livenessProbe:
      failureThreshold: 8
      httpGet:
        host: ${probe.host}
        path: ${probe.path}
        port: ${probe.port}
        scheme: ${probe.scheme}
      initialDelaySeconds: 10
      periodSeconds: 10
      timeoutSeconds: 15
    name: ${binary}
    resources:
      requests:
        cpu: ${cpu}
    volumeMounts:
${lines(mounts.map(({ name, path, writable }) => `- mountPath: ${path}\n      name: ${name}${writable ? '' : '\n      readOnly: true'}`), '    ')}
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  volumes:
${lines(mounts.map(({ name, path, type }) => `- hostPath:\n      path: ${path}\n      type: ${type}\n    name: ${name}`), '  ')}
status: {}
`;
}

const nameOf = (word: string) => word.split('=', 1)[0]!;

/** The flags with each replacement put where a flag of its name was, or appended. */
function withFlags(flags: readonly string[], ...replacements: string[]): string[] {
  const out = [...flags];
  for (const replacement of replacements) {
    const at = out.findIndex((word) => nameOf(word) === nameOf(replacement));
    if (at >= 0) out[at] = replacement;
    else out.push(replacement);
  }
  return out;
}

function withoutFlags(flags: readonly string[], ...names: string[]): string[] {
  return flags.filter((word) => !names.includes(nameOf(word)));
}

const COMMAND = 'spec.containers[0].command';

/** Where `staticPod` writes the flag named `name`, or the command when the flag is not there. */
function pathOf(flags: readonly string[], name: string): string {
  const at = flags.findIndex((word) => nameOf(word) === name);
  return at < 0 ? COMMAND : `${COMMAND}[${at + 1}]`;
}

export interface Edits {
  /** Flags put in place of the flag of the same name, or appended. */
  set?: string[];
  /** Names of flags to remove. */
  unset?: string[];
}

/** Test cases written as edits of a base set of flags for one binary. */
export function casesFor(binary: Binary, base: readonly string[]) {
  const edited = ({ set = [], unset = [] }: Edits) => withFlags(withoutFlags(base, ...unset), ...set);
  return {
    passes: (name: string, edits: Edits = {}): ValidCase => ({ name, objects: staticPod(binary, edited(edits)) }),
    /** Each expected violation is a flag and a fragment of the message; it points at the flag's word, or at the command when the flag is not given. */
    fails: (name: string, edits: Edits, ...expected: [flag: string, message: string][]): InvalidCase => {
      const flags = edited(edits);
      return { name, objects: staticPod(binary, flags), violations: expected.map(([flag, message]) => ({ path: pathOf(flags, flag), message })) };
    },
  };
}

/** Runs the cases of every control of a component; each control needs at least one passing and one failing case. */
export function testControls(controls: readonly ResourceControl[], cases: Readonly<Record<string, ControlCases>>): void {
  describe('cases', () => {
    it('cover every control with a passing and a failing case, and name no other control', () => {
      assert.deepEqual(Object.keys(cases).sort(), controls.map((control) => control.meta.id).sort());
      for (const [id, { valid, invalid }] of Object.entries(cases)) assert.ok(valid.length > 0 && invalid.length > 0, id);
    });
  });
  for (const control of controls) {
    const controlCases = cases[control.meta.id];
    if (controlCases) testControl(control, controlCases);
  }
}
