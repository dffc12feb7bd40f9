/**
 * CIS Kubernetes Benchmark 1.12 section 4.1: permissions and owners of the kubelet's and kube-proxy's files on every
 * node. The paths are those the running kubelet names (`--kubeconfig`, `--config`, `--client-ca-file` or the config's
 * `clientCAFile`), otherwise the platform's usual places.
 */
import { modeAtMost, ownedBy } from './file-rules.js';
import { defineFileChecks } from './control-plane-files.js';
import type { NodeCheck } from './types.js';

const MODE_600 = modeAtMost(0o600);
/** The kubelet's kubeconfig and config file: the EKS and GKE benchmarks (3.1.1, 3.1.3) and AKS's (3.1.1) allow 644. */
const KUBECONFIG_MODE = modeAtMost(0o600, { eks: 0o644, gke: 0o644, aks: 0o644 });
const CONFIG_MODE = modeAtMost(0o600, { eks: 0o644, gke: 0o644 });
const ROOT = ownedBy('root', 'root');

export const WORKER_FILE_CHECKS: readonly NodeCheck[] = defineFileChecks('worker-files', [
  {
    cis: '4.1.1',
    title: 'kubelet service file is readable or writable by others',
    severity: 'medium',
    remediation: 'chmod 600 the kubelet service file (/etc/systemd/system/kubelet.service.d/10-kubeadm.conf on kubeadm).',
    what: 'kubelet service file',
    rule: MODE_600,
    one: (t) => t.kubeletService,
  },
  {
    cis: '4.1.2',
    title: 'kubelet service file is not owned by root',
    severity: 'medium',
    remediation: 'chown root:root the kubelet service file.',
    what: 'kubelet service file',
    rule: ROOT,
    one: (t) => t.kubeletService,
  },
  {
    cis: '4.1.3',
    title: "kube-proxy's kubeconfig is readable by others",
    severity: 'medium',
    remediation: "chmod 600 kube-proxy's kubeconfig file (its --kubeconfig).",
    what: 'kube-proxy kubeconfig',
    rule: MODE_600,
    one: (t) => t.proxyKubeconfig,
  },
  {
    cis: '4.1.4',
    title: "kube-proxy's kubeconfig is not owned by root",
    severity: 'medium',
    remediation: "chown root:root kube-proxy's kubeconfig file.",
    what: 'kube-proxy kubeconfig',
    rule: ROOT,
    one: (t) => t.proxyKubeconfig,
  },
  {
    cis: '4.1.5',
    title: "kubelet's kubeconfig is readable by others",
    severity: 'high',
    remediation: "chmod 600 the kubelet's --kubeconfig file (/etc/kubernetes/kubelet.conf on kubeadm).",
    what: 'kubelet kubeconfig',
    rule: KUBECONFIG_MODE,
    one: (t) => t.kubeletKubeconfig,
  },
  {
    cis: '4.1.6',
    title: "kubelet's kubeconfig is not owned by root",
    severity: 'high',
    remediation: "chown root:root the kubelet's --kubeconfig file.",
    what: 'kubelet kubeconfig',
    rule: ROOT,
    one: (t) => t.kubeletKubeconfig,
  },
  {
    cis: '4.1.7',
    title: "kubelet's client CA file is writable by others",
    severity: 'medium',
    remediation: "chmod 644 the kubelet's client CA file (--client-ca-file or authentication.x509.clientCAFile).",
    what: 'kubelet client CA file',
    rule: modeAtMost(0o644),
    one: (t) => t.kubeletCaFile,
  },
  {
    cis: '4.1.8',
    title: "kubelet's client CA file is not owned by root",
    severity: 'medium',
    remediation: "chown root:root the kubelet's client CA file.",
    what: 'kubelet client CA file',
    rule: ROOT,
    one: (t) => t.kubeletCaFile,
  },
  {
    cis: '4.1.9',
    title: "kubelet's configuration file is readable or writable by others",
    severity: 'medium',
    remediation: "chmod 600 the kubelet's --config file (/var/lib/kubelet/config.yaml on kubeadm).",
    what: 'kubelet config file',
    rule: CONFIG_MODE,
    one: (t) => t.kubeletConfig,
  },
  {
    cis: '4.1.10',
    title: "kubelet's configuration file is not owned by root",
    severity: 'medium',
    remediation: "chown root:root the kubelet's --config file.",
    what: 'kubelet config file',
    rule: ROOT,
    one: (t) => t.kubeletConfig,
  },
]);
