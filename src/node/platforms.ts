/**
 * Where each kind of node keeps the files CIS names, after kube-bench's cfg/config.yaml and its per-platform
 * benchmarks, and what the provider runs out of the node's reach. In each list the first path that exists is used;
 * when none does, the check reports the first as missing.
 */

export const PLATFORM_IDS = ['kubeadm', 'eks', 'gke', 'aks', 'k3s', 'rke2'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export interface PlatformProfile {
  id: PlatformId;
  title: string;
  /** The provider runs the control plane: its files and flags are not on any node (CIS 1.x is not applicable). */
  managedControlPlane: boolean;
  /**
   * The kubelet runs inside another binary (k3s), so its flags are not on a command line of their own and the 4.2
   * checks cannot be decided from the node; the reason is given.
   */
  embeddedKubelet?: string;
  manifests: { apiserver: readonly string[]; controllerManager: readonly string[]; scheduler: readonly string[]; etcd: readonly string[] };
  etcdDataDirs: readonly string[];
  adminKubeconfigs: readonly string[];
  schedulerKubeconfigs: readonly string[];
  controllerManagerKubeconfigs: readonly string[];
  pkiDirs: readonly string[];
  cniDirs: readonly string[];
  kubeletServices: readonly string[];
  kubeletKubeconfigs: readonly string[];
  kubeletConfigs: readonly string[];
  kubeletCaFiles: readonly string[];
  proxyKubeconfigs: readonly string[];
}

const NO_CONTROL_PLANE: Pick<
  PlatformProfile,
  'managedControlPlane' | 'manifests' | 'etcdDataDirs' | 'adminKubeconfigs' | 'schedulerKubeconfigs' | 'controllerManagerKubeconfigs' | 'pkiDirs'
> = {
  managedControlPlane: true,
  manifests: { apiserver: [], controllerManager: [], scheduler: [], etcd: [] },
  etcdDataDirs: [],
  adminKubeconfigs: [],
  schedulerKubeconfigs: [],
  controllerManagerKubeconfigs: [],
  pkiDirs: [],
};

const CNI_DIRS = ['/etc/cni/net.d', '/var/lib/cni/networks'];
const SYSTEMD_KUBELET = ['/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', '/etc/systemd/system/kubelet.service', '/lib/systemd/system/kubelet.service', '/usr/lib/systemd/system/kubelet.service'];

const manifest = (dir: string, name: string) => [`${dir}/${name}.yaml`, `${dir}/${name}.yml`, `${dir}/${name}.manifest`];

export const PLATFORMS: Readonly<Record<PlatformId, PlatformProfile>> = {
  kubeadm: {
    id: 'kubeadm',
    title: 'kubeadm (self-managed)',
    managedControlPlane: false,
    manifests: {
      apiserver: manifest('/etc/kubernetes/manifests', 'kube-apiserver'),
      controllerManager: manifest('/etc/kubernetes/manifests', 'kube-controller-manager'),
      scheduler: manifest('/etc/kubernetes/manifests', 'kube-scheduler'),
      etcd: manifest('/etc/kubernetes/manifests', 'etcd'),
    },
    etcdDataDirs: ['/var/lib/etcd', '/var/lib/etcd/default.etcd', '/var/lib/etcd/data.etcd'],
    adminKubeconfigs: ['/etc/kubernetes/admin.conf', '/etc/kubernetes/super-admin.conf'],
    schedulerKubeconfigs: ['/etc/kubernetes/scheduler.conf'],
    controllerManagerKubeconfigs: ['/etc/kubernetes/controller-manager.conf'],
    pkiDirs: ['/etc/kubernetes/pki'],
    cniDirs: CNI_DIRS,
    kubeletServices: SYSTEMD_KUBELET,
    kubeletKubeconfigs: ['/etc/kubernetes/kubelet.conf'],
    kubeletConfigs: ['/var/lib/kubelet/config.yaml'],
    kubeletCaFiles: ['/etc/kubernetes/pki/ca.crt'],
    proxyKubeconfigs: ['/etc/kubernetes/proxy.conf', '/var/lib/kube-proxy/kubeconfig.conf'],
  },
  eks: {
    id: 'eks',
    title: 'Amazon EKS',
    ...NO_CONTROL_PLANE,
    cniDirs: CNI_DIRS,
    kubeletServices: ['/etc/systemd/system/kubelet.service', ...SYSTEMD_KUBELET],
    kubeletKubeconfigs: ['/var/lib/kubelet/kubeconfig', '/etc/kubernetes/kubelet/kubeconfig'],
    kubeletConfigs: ['/etc/kubernetes/kubelet/config.json', '/etc/kubernetes/kubelet/kubelet-config.json'],
    kubeletCaFiles: ['/etc/kubernetes/pki/ca.crt'],
    proxyKubeconfigs: ['/var/lib/kube-proxy/kubeconfig'],
  },
  gke: {
    id: 'gke',
    title: 'Google GKE',
    ...NO_CONTROL_PLANE,
    cniDirs: CNI_DIRS,
    kubeletServices: ['/etc/systemd/system/kubelet.service', ...SYSTEMD_KUBELET],
    kubeletKubeconfigs: ['/var/lib/kubelet/kubeconfig'],
    kubeletConfigs: ['/home/kubernetes/kubelet-config.yaml', '/etc/kubernetes/kubelet-config.yaml'],
    kubeletCaFiles: ['/etc/srv/kubernetes/pki/ca-certificates.crt'],
    proxyKubeconfigs: ['/var/lib/kube-proxy/kubeconfig', '/var/lib/kubelet/kubeconfig'],
  },
  aks: {
    id: 'aks',
    title: 'Azure AKS',
    ...NO_CONTROL_PLANE,
    cniDirs: CNI_DIRS,
    kubeletServices: ['/etc/systemd/system/kubelet.service', ...SYSTEMD_KUBELET],
    kubeletKubeconfigs: ['/var/lib/kubelet/kubeconfig'],
    kubeletConfigs: ['/etc/default/kubeletconfig.json', '/etc/default/kubelet'],
    kubeletCaFiles: ['/etc/kubernetes/certs/ca.crt'],
    proxyKubeconfigs: ['/var/lib/kubelet/kubeconfig'],
  },
  k3s: {
    id: 'k3s',
    title: 'k3s',
    managedControlPlane: false,
    embeddedKubelet: 'k3s runs the kubelet inside its own process; its flags are in the k3s log, not on a kubelet command line',
    manifests: { apiserver: [], controllerManager: [], scheduler: [], etcd: [] },
    etcdDataDirs: ['/var/lib/rancher/k3s/server/db/etcd'],
    adminKubeconfigs: ['/var/lib/rancher/k3s/server/cred/admin.kubeconfig'],
    schedulerKubeconfigs: ['/var/lib/rancher/k3s/server/cred/scheduler.kubeconfig'],
    controllerManagerKubeconfigs: ['/var/lib/rancher/k3s/server/cred/controller.kubeconfig'],
    pkiDirs: ['/var/lib/rancher/k3s/server/tls'],
    cniDirs: ['/var/lib/rancher/k3s/agent/etc/cni/net.d', ...CNI_DIRS],
    kubeletServices: ['/etc/systemd/system/k3s.service', '/etc/systemd/system/k3s-agent.service'],
    kubeletKubeconfigs: ['/var/lib/rancher/k3s/agent/kubelet.kubeconfig'],
    kubeletConfigs: [],
    kubeletCaFiles: ['/var/lib/rancher/k3s/agent/client-ca.crt'],
    proxyKubeconfigs: ['/var/lib/rancher/k3s/agent/kubeproxy.kubeconfig'],
  },
  rke2: {
    id: 'rke2',
    title: 'RKE2',
    managedControlPlane: false,
    manifests: {
      apiserver: manifest('/var/lib/rancher/rke2/agent/pod-manifests', 'kube-apiserver'),
      controllerManager: manifest('/var/lib/rancher/rke2/agent/pod-manifests', 'kube-controller-manager'),
      scheduler: manifest('/var/lib/rancher/rke2/agent/pod-manifests', 'kube-scheduler'),
      etcd: manifest('/var/lib/rancher/rke2/agent/pod-manifests', 'etcd'),
    },
    etcdDataDirs: ['/var/lib/rancher/rke2/server/db/etcd'],
    adminKubeconfigs: ['/var/lib/rancher/rke2/server/cred/admin.kubeconfig'],
    schedulerKubeconfigs: ['/var/lib/rancher/rke2/server/cred/scheduler.kubeconfig'],
    controllerManagerKubeconfigs: ['/var/lib/rancher/rke2/server/cred/controller.kubeconfig'],
    pkiDirs: ['/var/lib/rancher/rke2/server/tls'],
    cniDirs: ['/etc/cni/net.d', '/var/lib/cni/networks'],
    kubeletServices: ['/usr/local/lib/systemd/system/rke2-server.service', '/usr/local/lib/systemd/system/rke2-agent.service', '/usr/lib/systemd/system/rke2-server.service'],
    kubeletKubeconfigs: ['/var/lib/rancher/rke2/agent/kubelet.kubeconfig'],
    kubeletConfigs: ['/var/lib/rancher/rke2/agent/etc/kubelet.conf.d/00-rke2-defaults.conf'],
    kubeletCaFiles: ['/var/lib/rancher/rke2/agent/client-ca.crt'],
    proxyKubeconfigs: ['/var/lib/rancher/rke2/agent/kubeproxy.kubeconfig'],
  },
};

export function isPlatformId(value: string): value is PlatformId {
  return (PLATFORM_IDS as readonly string[]).includes(value);
}

/** What detection looks at: whether a node path exists, and the programs running. */
export interface PlatformClues {
  exists(path: string): boolean;
  programs: readonly string[];
}

/**
 * The platform by its marks: a k3s or rke2 process or data folder, EKS's /etc/eks, GKE's /home/kubernetes, AKS's
 * /etc/kubernetes/azure.json; otherwise kubeadm's layout.
 */
export function detectPlatform(clues: PlatformClues): PlatformId {
  const runs = (name: string) => clues.programs.includes(name);
  if (runs('k3s') || runs('k3s-server') || runs('k3s-agent') || clues.exists('/var/lib/rancher/k3s')) return 'k3s';
  if (runs('rke2') || clues.exists('/var/lib/rancher/rke2')) return 'rke2';
  if (clues.exists('/etc/eks')) return 'eks';
  if (clues.exists('/etc/kubernetes/azure.json')) return 'aks';
  if (clues.exists('/home/kubernetes')) return 'gke';
  return 'kubeadm';
}
