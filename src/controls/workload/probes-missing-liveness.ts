import { missingProbeControl } from './probes.js';

export default missingProbeControl(
  {
    id: 'probes-missing-liveness',
    title: 'Container without a liveness probe',
    severity: 'low',
    category: 'Workload',
    description: 'Flags long-running containers (and sidecars) without a `livenessProbe`; Jobs, CronJobs and run-to-completion pods are skipped.',
    rationale: 'Without a liveness probe a hung process keeps its pod Running for ever: the kubelet never restarts it and the outage goes unnoticed.',
    remediation: 'Add `livenessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 10}` (or `tcpSocket`/`exec`/`grpc`) that fails only when a restart would help.',
    frameworks: [],
    appliesTo: 'workloads',
  },
  'liveness',
);
