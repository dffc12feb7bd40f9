import control from './workload-single-replica.js';
import { testControl } from '../testing.js';
import { container, workload } from './fixtures.js';
import type { K8sObject } from '../../model/k8s.js';

function withReplicas(kind: 'Deployment' | 'StatefulSet', replicas: unknown): K8sObject {
  const object = workload(kind, { containers: [container()] });
  return { ...object, spec: { ...(object.spec as object), replicas } };
}

testControl(control, {
  valid: [
    { name: 'three replicas', objects: withReplicas('Deployment', 3) },
    { name: 'replicas left to an autoscaler', objects: workload('Deployment', { containers: [container()] }) },
    { name: 'scaled to zero on purpose', objects: withReplicas('StatefulSet', 0) },
    { name: 'a string is not a count', objects: withReplicas('Deployment', '1') },
    { name: 'DaemonSets have no replica count', objects: workload('DaemonSet', { containers: [container()] }) },
  ],
  invalid: [
    { name: 'Deployment with one replica', objects: withReplicas('Deployment', 1), violations: [{ path: 'spec.replicas', message: 'Deployment runs a single replica' }] },
    { name: 'StatefulSet with one replica', objects: withReplicas('StatefulSet', 1), violations: [{ path: 'spec.replicas', message: 'StatefulSet' }] },
  ],
});
