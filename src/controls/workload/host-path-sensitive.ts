import { hostPathControl } from './host-paths.js';

export default hostPathControl(
  {
    id: 'host-path-sensitive',
    title: 'Pod mounts a sensitive node directory',
    severity: 'high',
    category: 'Workload',
    description:
      'Flags hostPath volumes on, below or above sensitive node directories: /etc, /root, /home, /boot, /proc, /sys, /dev, /run, /var/log, /var/lib/kubelet, /var/lib/docker, /var/lib/containerd, /var/lib/etcd. Runtime sockets and `/` are reported by host-path-runtime-socket.',
    rationale:
      'These directories hold node credentials, the tokens and volumes of other pods, kernel interfaces and the logs that record an attack: reading them leaks secrets, writing them takes over the node.',
    remediation:
      'Remove the hostPath volume, or narrow it to the one file the program needs with `readOnly: true` on the volumeMount; prefer a ConfigMap, a projected volume or a CSI driver.',
    frameworks: [
      { framework: 'cis', id: '5.2.11' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1611' },
    ],
    appliesTo: 'workloads',
  },
  'sensitive',
  (reason) => `the node's ${reason}`,
  'no hostPath on a sensitive node directory',
);
