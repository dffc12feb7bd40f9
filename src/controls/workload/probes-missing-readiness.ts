import { missingProbeControl } from './probes.js';

export default missingProbeControl(
  {
    id: 'probes-missing-readiness',
    title: 'Container without a readiness probe',
    severity: 'low',
    category: 'Workload',
    description: 'Flags long-running containers (and sidecars) without a `readinessProbe`; Jobs, CronJobs and run-to-completion pods are skipped.',
    rationale: 'Without a readiness probe a pod receives traffic as soon as it starts and while it is overloaded, and rollouts proceed past broken versions.',
    remediation: 'Add `readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 5}` (or `tcpSocket`/`exec`/`grpc`) that fails while the container cannot serve.',
    frameworks: [],
    appliesTo: 'workloads',
  },
  'readiness',
);
