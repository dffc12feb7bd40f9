import control from './api-removed.js';
import { testControl } from '../testing.js';

const object = (apiVersion: unknown, kind: unknown) => ({ apiVersion, kind, metadata: { name: 'x' } }) as never;

testControl(control, {
  valid: [
    { name: 'current version', objects: object('apps/v1', 'Deployment') },
    { name: 'removed version before its removal', objects: object('batch/v1beta1', 'CronJob'), options: { kubernetesVersion: '1.24' } },
    { name: 'removed group version of another kind', objects: object('policy/v1beta1', 'Eviction') },
    { name: 'custom resource with a beta version', objects: object('kyverno.io/v2beta1', 'ClusterPolicy') },
    { name: 'deprecated but served', objects: object('v1', 'Endpoints') },
    { name: 'unparsable target version', objects: object('extensions/v1beta1', 'Deployment'), options: { kubernetesVersion: 'latest' } },
    { name: 'malformed apiVersion and kind', objects: [object(7, 'Deployment'), object('extensions/v1beta1', null), object(null, null)] },
  ],
  invalid: [
    {
      name: 'Deployment in extensions/v1beta1',
      objects: object('extensions/v1beta1', 'Deployment'),
      violations: [{ path: 'apiVersion', message: 'not served since Kubernetes 1.16 (target 1.35); use apps/v1' }],
    },
    { name: 'Ingress in networking v1beta1', objects: object('networking.k8s.io/v1beta1', 'Ingress'), violations: [{ path: 'apiVersion', message: '1.22' }] },
    { name: 'exactly at the removal', objects: object('autoscaling/v2beta2', 'HorizontalPodAutoscaler'), options: { kubernetesVersion: 'v1.26' }, violations: [{ path: 'apiVersion', message: 'use autoscaling/v2' }] },
    { name: 'patch version in the target', objects: object('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'), options: { kubernetesVersion: '1.32.4' }, violations: [{ path: 'apiVersion' }] },
    { name: 'PodSecurityPolicy has no replacement version', objects: object('policy/v1beta1', 'PodSecurityPolicy'), violations: [{ path: 'apiVersion', message: 'Pod Security Admission' }] },
  ],
});
