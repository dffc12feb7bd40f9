import { hostPathControl } from './host-paths.js';

export default hostPathControl(
  {
    id: 'host-path-runtime-socket',
    title: 'Pod mounts the container runtime socket or the node root',
    severity: 'critical',
    category: 'Workload',
    description:
      'Flags hostPath volumes on a container runtime socket (Docker, containerd, CRI-O, k3s, Podman, ...), a directory holding one (e.g. /run), or `/` itself. Paths are normalised (`..`, trailing slashes, /var/run = /run).',
    rationale:
      'The runtime socket starts privileged containers on request and the node root holds every credential of the node: either one is a complete escape from the container to the node.',
    remediation:
      'Remove the hostPath volume. Build images with a rootless builder (BuildKit rootless, kaniko) and read container metadata from the kubelet or the Kubernetes API instead of the runtime socket.',
    frameworks: [
      { framework: 'cis', id: '5.2.11' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1611' },
      { framework: 'mitre', id: 'T1610' },
    ],
    appliesTo: 'workloads',
  },
  'runtime',
  (reason) => reason,
  'no hostPath on a runtime socket, its directory or /',
);
