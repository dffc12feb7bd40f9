import { podTemplateOf } from '../../inventory/pod-spec.js';
import { defineControl } from '../types.js';

export default defineControl(
  {
    id: 'pod-share-process-namespace',
    title: 'Containers of the pod share one process namespace',
    severity: 'medium',
    category: 'Workload',
    description: 'Flags pod specs with `shareProcessNamespace: true`.',
    rationale:
      'With a shared process namespace every container sees and can signal the processes of the others, and can read their environment and filesystem through /proc/<pid>/root: one compromised sidecar exposes the secrets of the main container.',
    remediation: 'Remove `shareProcessNamespace: true`; use an ephemeral debug container (`kubectl debug --target`) when you need to inspect a process.',
    frameworks: [{ framework: 'nsa', id: 'hardening-env' }],
    appliesTo: 'workloads',
  },
  (object) => {
    const template = podTemplateOf(object);
    if (!template || template.spec.shareProcessNamespace !== true) return [];
    return [
      {
        path: [...template.specPath, 'shareProcessNamespace'],
        message: 'the containers of the pod share one process namespace',
        found: true,
        expected: 'false or not set',
      },
    ];
  },
);
