/**
 * CIS Kubernetes Benchmark 1.12 section 1.1: permissions and owners of the control-plane node's files, the static pod
 * manifests, etcd's data, the kubeconfig files holding component and admin credentials, the PKI and the CNI files.
 * On EKS, GKE and AKS the provider runs these out of sight, and the checks are not applicable.
 */
import type { Severity } from '../../model/severity.js';
import { everyFile, modeAtMost, oneFile, ownedBy, type FileRule } from './file-rules.js';
import type { NodeTargets } from '../targets.js';
import { cisId, type NodeCheck } from './types.js';

interface FileCheckSpec {
  cis: string;
  title: string;
  severity: Severity;
  remediation: string;
  what: string;
  rule: FileRule;
  one?: (targets: NodeTargets) => string | undefined;
  every?: (targets: NodeTargets) => readonly string[];
}

export function defineFileChecks(part: NodeCheck['part'], specs: readonly FileCheckSpec[]): NodeCheck[] {
  return specs.map(({ cis, title, severity, remediation, what, rule, one, every }) => ({
    id: cisId(cis),
    cis,
    title,
    severity,
    remediation,
    part,
    evaluate: every ? everyFile(what, every, rule) : oneFile(what, one ?? (() => undefined), rule),
  }));
}

const MODE_600 = modeAtMost(0o600);
const ROOT = ownedBy('root', 'root');

const manifestChecks = (first: number, component: string, name: string, target: (t: NodeTargets) => string | undefined): FileCheckSpec[] => [
  {
    cis: `1.1.${first}`,
    title: `${component} static pod manifest is readable or writable by others`,
    severity: 'medium',
    remediation: `chmod 600 the ${name} manifest (/etc/kubernetes/manifests/${name}.yaml on kubeadm).`,
    what: `${component} manifest`,
    rule: MODE_600,
    one: target,
  },
  {
    cis: `1.1.${first + 1}`,
    title: `${component} static pod manifest is not owned by root`,
    severity: 'medium',
    remediation: `chown root:root the ${name} manifest (/etc/kubernetes/manifests/${name}.yaml on kubeadm).`,
    what: `${component} manifest`,
    rule: ROOT,
    one: target,
  },
];

export const CONTROL_PLANE_FILE_CHECKS: readonly NodeCheck[] = defineFileChecks('control-plane', [
  ...manifestChecks(1, 'API server', 'kube-apiserver', (t) => t.apiserverManifest),
  ...manifestChecks(3, 'Controller manager', 'kube-controller-manager', (t) => t.controllerManagerManifest),
  ...manifestChecks(5, 'Scheduler', 'kube-scheduler', (t) => t.schedulerManifest),
  ...manifestChecks(7, 'etcd', 'etcd', (t) => t.etcdManifest),
  {
    cis: '1.1.9',
    title: 'CNI configuration files are readable or writable by others',
    severity: 'low',
    remediation: 'chmod 600 the files under /etc/cni/net.d and /var/lib/cni/networks (or the directory the CNI plugin uses).',
    what: 'CNI files',
    rule: MODE_600,
    every: (t) => t.cniFiles,
  },
  {
    cis: '1.1.10',
    title: 'CNI configuration files are not owned by root',
    severity: 'low',
    remediation: 'chown root:root the files under /etc/cni/net.d and /var/lib/cni/networks.',
    what: 'CNI files',
    rule: ROOT,
    every: (t) => t.cniFiles,
  },
  {
    cis: '1.1.11',
    title: "etcd's data directory is open to other users",
    severity: 'high',
    remediation: "chmod 700 etcd's data directory (etcd's --data-dir, /var/lib/etcd on kubeadm).",
    what: 'etcd data directory',
    rule: modeAtMost(0o700),
    one: (t) => t.etcdDataDir,
  },
  {
    cis: '1.1.12',
    title: "etcd's data directory is not owned by the etcd user",
    severity: 'medium',
    remediation: "Run etcd as a dedicated etcd user and chown etcd:etcd its data directory (etcd's --data-dir).",
    what: 'etcd data directory',
    rule: ownedBy('etcd', 'etcd'),
    one: (t) => t.etcdDataDir,
  },
  {
    cis: '1.1.13',
    title: 'Cluster-admin kubeconfig files are readable by others',
    severity: 'high',
    remediation: 'chmod 600 /etc/kubernetes/admin.conf and /etc/kubernetes/super-admin.conf (where present).',
    what: 'admin kubeconfig files',
    rule: MODE_600,
    every: (t) => t.adminKubeconfigs,
  },
  {
    cis: '1.1.14',
    title: 'Cluster-admin kubeconfig files are not owned by root',
    severity: 'high',
    remediation: 'chown root:root /etc/kubernetes/admin.conf and /etc/kubernetes/super-admin.conf (where present).',
    what: 'admin kubeconfig files',
    rule: ROOT,
    every: (t) => t.adminKubeconfigs,
  },
  {
    cis: '1.1.15',
    title: "Scheduler's kubeconfig is readable by others",
    severity: 'medium',
    remediation: 'chmod 600 /etc/kubernetes/scheduler.conf.',
    what: 'scheduler kubeconfig',
    rule: MODE_600,
    one: (t) => t.schedulerKubeconfig,
  },
  {
    cis: '1.1.16',
    title: "Scheduler's kubeconfig is not owned by root",
    severity: 'medium',
    remediation: 'chown root:root /etc/kubernetes/scheduler.conf.',
    what: 'scheduler kubeconfig',
    rule: ROOT,
    one: (t) => t.schedulerKubeconfig,
  },
  {
    cis: '1.1.17',
    title: "Controller manager's kubeconfig is readable by others",
    severity: 'medium',
    remediation: 'chmod 600 /etc/kubernetes/controller-manager.conf.',
    what: 'controller manager kubeconfig',
    rule: MODE_600,
    one: (t) => t.controllerManagerKubeconfig,
  },
  {
    cis: '1.1.18',
    title: "Controller manager's kubeconfig is not owned by root",
    severity: 'medium',
    remediation: 'chown root:root /etc/kubernetes/controller-manager.conf.',
    what: 'controller manager kubeconfig',
    rule: ROOT,
    one: (t) => t.controllerManagerKubeconfig,
  },
  {
    cis: '1.1.19',
    title: 'PKI directory or its files are not owned by root',
    severity: 'high',
    remediation: 'chown -R root:root /etc/kubernetes/pki/.',
    what: 'PKI entries',
    rule: ROOT,
    every: (t) => t.pkiEntries,
  },
  {
    cis: '1.1.20',
    title: 'PKI certificates are writable by others',
    severity: 'medium',
    remediation: 'chmod 644 /etc/kubernetes/pki/*.crt (and those in its subdirectories).',
    what: 'PKI certificates',
    rule: modeAtMost(0o644),
    every: (t) => t.pkiEntries.filter((path) => path.endsWith('.crt')),
  },
  {
    cis: '1.1.21',
    title: 'PKI private keys are readable by others',
    severity: 'critical',
    remediation: 'chmod 600 /etc/kubernetes/pki/*.key (and those in its subdirectories).',
    what: 'PKI private keys',
    rule: MODE_600,
    every: (t) => t.pkiEntries.filter((path) => path.endsWith('.key')),
  },
]);
