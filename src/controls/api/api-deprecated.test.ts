import control from './api-deprecated.js';
import { testControl } from '../testing.js';

const object = (apiVersion: unknown, kind: unknown) => ({ apiVersion, kind, metadata: { name: 'x' } }) as never;

testControl(control, {
  valid: [
    { name: 'current version', objects: object('batch/v1', 'CronJob') },
    { name: 'before the deprecation', objects: object('batch/v1beta1', 'CronJob'), options: { kubernetesVersion: '1.20' } },
    { name: 'removed ones are api-removed\'s', objects: object('batch/v1beta1', 'CronJob'), options: { kubernetesVersion: '1.25' } },
    { name: 'Endpoints before 1.33', objects: object('v1', 'Endpoints'), options: { kubernetesVersion: '1.32' } },
    { name: 'custom resource', objects: object('argoproj.io/v1alpha1', 'Application') },
    { name: 'malformed', objects: [object({}, 'CronJob'), object('batch/v1beta1', ['CronJob'])], options: { kubernetesVersion: '1.22' } },
  ],
  invalid: [
    {
      name: 'CronJob in batch/v1beta1 on 1.24',
      objects: object('batch/v1beta1', 'CronJob'),
      options: { kubernetesVersion: '1.24' },
      violations: [{ path: 'apiVersion', message: 'deprecated since Kubernetes 1.21 (removed in 1.25); use batch/v1' }],
    },
    { name: 'Endpoints from 1.33 on', objects: object('v1', 'Endpoints'), violations: [{ path: 'apiVersion', message: 'no removal is scheduled' }] },
  ],
});
