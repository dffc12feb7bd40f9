import control from './resources-missing-limits.js';
import { testControl } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from './fixtures.js';

const limits = (values: unknown) => ({ resources: { limits: values } });

testControl(control, {
  valid: [
    { name: 'cpu and memory limits', objects: podOf() },
    { name: 'numeric cpu limit', objects: podOf(limits({ cpu: 1, memory: '1Gi' })) },
    { name: 'pod-level limits cover the containers', objects: workload('Deployment', { resources: { limits: { cpu: '1', memory: '1Gi' } }, containers: [container({ resources: {} })] }) },
    { name: 'ephemeral containers cannot set resources', objects: workload('Pod', { containers: [container()], ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }] }) },
    { name: 'not a workload', objects: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' } } },
  ],
  invalid: [
    {
      name: 'no resources at all, in a Deployment',
      objects: podOf({ resources: undefined }, 'Deployment'),
      violations: [
        { path: `${SPEC_PATH.Deployment}.containers[0].resources.limits.cpu`, message: 'container "app" has no cpu limit' },
        { path: `${SPEC_PATH.Deployment}.containers[0].resources.limits.memory`, message: 'no memory limit' },
      ],
    },
    { name: 'memory only, in a StatefulSet', objects: podOf(limits({ memory: '1Gi' }), 'StatefulSet'), violations: [{ path: `${SPEC_PATH.StatefulSet}.containers[0].resources.limits.cpu` }] },
    { name: 'empty string limit', objects: podOf(limits({ cpu: '', memory: '1Gi' })), violations: [{ path: 'spec.containers[0].resources.limits.cpu' }] },
    {
      name: 'init container of a CronJob without limits',
      objects: workload('CronJob', { initContainers: [{ name: 'migrate', image: 'app:1', resources: { limits: { cpu: '1' } } }], containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.CronJob}.initContainers[0].resources.limits.memory`, message: '"migrate"' }],
    },
    {
      name: 'malformed resources and limits do not crash',
      objects: workload('DaemonSet', { containers: [container({ resources: 'big' }), container({ name: 'b', resources: { limits: ['cpu'] } }), 'oops', null] }),
      violations: [
        { path: `${SPEC_PATH.DaemonSet}.containers[0].resources.limits.cpu` },
        { path: `${SPEC_PATH.DaemonSet}.containers[0].resources.limits.memory` },
        { path: `${SPEC_PATH.DaemonSet}.containers[1].resources.limits.cpu` },
        { path: `${SPEC_PATH.DaemonSet}.containers[1].resources.limits.memory` },
      ],
    },
  ],
});
