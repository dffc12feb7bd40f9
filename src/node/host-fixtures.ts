/**
 * For the tests: node file system trees built in a temporary folder, with files, modes, owners and /proc command
 * lines, as `kspm node --root` reads them. Owners are real: as root the files are chown'ed to the named users'
 * ids; otherwise every named user maps to the test process's own ids (so owner names still read `root:root`), and
 * `canChown` is false for tests that need distinct owners.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { KUBEADM_FLAGS } from '../controls/control-plane/testing.js';

export const canChown = process.getuid?.() === 0;

const USERS = { root: 0, etcd: 970, nobody: 65534 } as const;
export type FixtureUser = keyof typeof USERS;

export interface FixtureFile {
  content?: string;
  mode: number;
  owner?: FixtureUser;
  group?: FixtureUser;
  directory?: boolean;
  /** A symlink to this target instead of a file. */
  link?: string;
}

export interface HostSpec {
  files: Record<string, FixtureFile>;
  /** pid -> argv. */
  processes: Record<number, readonly string[]>;
}

const idOf = (user: FixtureUser) => (canChown ? USERS[user] : (process.getuid?.() ?? 0));
const gidOf = (user: FixtureUser) => (canChown ? USERS[user] : (process.getgid?.() ?? 0));

export function buildHost(spec: HostSpec): { root: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'kspm-node-'));
  const passwd = (Object.keys(USERS) as FixtureUser[]).map((user) => `${user}:x:${idOf(user)}:${gidOf(user)}::/:/bin/false`);
  const group = (Object.keys(USERS) as FixtureUser[]).map((user) => `${user}:x:${gidOf(user)}:`);
  // Without root every user has the test process's ids; the first line, root, then names them all.
  writeAt(root, '/etc/passwd', { content: `${passwd.join('\n')}\n`, mode: 0o644 });
  writeAt(root, '/etc/group', { content: `${group.join('\n')}\n`, mode: 0o644 });
  for (const [path, file] of Object.entries(spec.files).sort(([a], [b]) => a.localeCompare(b))) writeAt(root, path, file);
  for (const [pid, argv] of Object.entries(spec.processes)) {
    writeAt(root, `/proc/${pid}/cmdline`, { content: `${argv.join('\0')}\0`, mode: 0o444 });
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function writeAt(root: string, path: string, file: FixtureFile): void {
  const real = join(root, path);
  mkdirSync(dirname(real), { recursive: true });
  if (file.link !== undefined) {
    symlinkSync(file.link, real);
    return;
  }
  if (file.directory) mkdirSync(real, { recursive: true });
  else writeFileSync(real, file.content ?? '');
  chmodSync(real, file.mode);
  if (canChown) chownSync(real, idOf(file.owner ?? 'root'), gidOf(file.group ?? file.owner ?? 'root'));
}

/** A kubelet configuration as kubeadm writes it, with the settings CIS 4.2 asks for added. */
export const HARDENED_KUBELET_CONFIG = {
  apiVersion: 'kubelet.config.k8s.io/v1beta1',
  kind: 'KubeletConfiguration',
  authentication: { anonymous: { enabled: false }, webhook: { enabled: true }, x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' } },
  authorization: { mode: 'Webhook' },
  cgroupDriver: 'systemd',
  readOnlyPort: 0,
  rotateCertificates: true,
  serverTLSBootstrap: true,
  streamingConnectionIdleTimeout: '5m',
  podPidsLimit: 4096,
  seccompDefault: true,
  tlsCipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
};

export const KUBELET_ARGV = [
  '/usr/bin/kubelet',
  '--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf',
  '--kubeconfig=/etc/kubernetes/kubelet.conf',
  '--config=/var/lib/kubelet/config.yaml',
  '--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock',
];

export const KUBELET_PID = 812;
export const APISERVER_PID = 1204;

/** A kubeadm control-plane node whose files and kubelet meet every CIS node check, running kubelet and kube-apiserver. */
export function hardenedKubeadmNode(): HostSpec {
  const file = (mode: number, content = ''): FixtureFile => ({ mode, content });
  const manifest = (name: string) => file(0o600, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: kube-system\n`);
  return {
    files: {
      '/etc/hostname': file(0o644, 'cp-1\n'),
      '/etc/kubernetes/manifests': { mode: 0o700, directory: true },
      '/etc/kubernetes/manifests/kube-apiserver.yaml': manifest('kube-apiserver'),
      '/etc/kubernetes/manifests/kube-controller-manager.yaml': manifest('kube-controller-manager'),
      '/etc/kubernetes/manifests/kube-scheduler.yaml': manifest('kube-scheduler'),
      '/etc/kubernetes/manifests/etcd.yaml': manifest('etcd'),
      '/var/lib/etcd': { mode: 0o700, directory: true, owner: 'etcd' },
      '/var/lib/etcd/member/snap/db': { mode: 0o600, owner: 'etcd' },
      '/etc/kubernetes/admin.conf': file(0o600),
      '/etc/kubernetes/super-admin.conf': file(0o600),
      '/etc/kubernetes/scheduler.conf': file(0o600),
      '/etc/kubernetes/controller-manager.conf': file(0o600),
      '/etc/kubernetes/kubelet.conf': file(0o600),
      '/etc/kubernetes/pki': { mode: 0o755, directory: true },
      '/etc/kubernetes/pki/ca.crt': file(0o644),
      '/etc/kubernetes/pki/ca.key': file(0o600),
      '/etc/kubernetes/pki/apiserver.crt': file(0o644),
      '/etc/kubernetes/pki/apiserver.key': file(0o600),
      '/etc/kubernetes/pki/sa.pub': file(0o644),
      '/etc/kubernetes/pki/etcd': { mode: 0o755, directory: true },
      '/etc/kubernetes/pki/etcd/ca.crt': file(0o644),
      '/etc/kubernetes/pki/etcd/ca.key': file(0o600),
      '/etc/cni/net.d/10-flannel.conflist': file(0o600, '{}'),
      '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf': file(0o600),
      '/var/lib/kubelet/config.yaml': file(0o600, stringify(HARDENED_KUBELET_CONFIG)),
    },
    processes: {
      1: ['/sbin/init'],
      [KUBELET_PID]: KUBELET_ARGV,
      [APISERVER_PID]: ['kube-apiserver', ...KUBEADM_FLAGS['kube-apiserver'], '--anonymous-auth=false', '--profiling=false'],
    },
  };
}
