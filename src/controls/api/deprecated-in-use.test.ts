import type { K8sObject } from '../../model/k8s.js';
import { clusterFacts } from '../cluster/testing.js';
import { testControl } from '../testing.js';
import control from './deprecated-in-use.js';

/** An object as the API server returns it, with one managedFields entry per apiVersion it was written through. */
function written(apiVersion: string, kind: string, name: string, through: string[], lastApplied?: string): K8sObject {
  const managedFields = through.map((version, index) => ({ manager: `client-${index}`, operation: 'Update', apiVersion: version, fieldsType: 'FieldsV1' }));
  const annotations = lastApplied ? { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ apiVersion: lastApplied, kind, metadata: { name } }) } : undefined;
  return { apiVersion, kind, metadata: { name, namespace: 'shop', managedFields, ...(annotations ? { annotations } : {}) } };
}

const cronJob = written('batch/v1', 'CronJob', 'report', ['batch/v1', 'batch/v1beta1']);
const hpa = written('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', ['autoscaling/v2beta2', 'autoscaling/v2']);
const servedOn124 = ['v1', 'batch/v1', 'batch/v1beta1', 'autoscaling/v2', 'autoscaling/v2beta2', 'autoscaling/v1'];

testControl(control, {
  valid: [
    { name: 'written through its current version only', objects: written('batch/v1', 'CronJob', 'report', ['batch/v1']), cluster: clusterFacts({ servedVersions: servedOn124 }) },
    { name: 'deprecated version the cluster no longer serves: a stale record', objects: cronJob, cluster: clusterFacts({ servedVersions: ['v1', 'batch/v1'] }) },
    { name: 'cluster facts decide over the target version', objects: cronJob, cluster: clusterFacts({ servedVersions: ['batch/v1'] }), options: { kubernetesVersion: '1.24' } },
    { name: 'manifests: the target version no longer serves it', objects: cronJob },
    { name: 'manifests: the target version has not deprecated it yet', objects: cronJob, options: { kubernetesVersion: '1.20' } },
    { name: 'manifests: unparsable target version', objects: cronJob, options: { kubernetesVersion: 'latest' } },
    { name: 'a version of another kind of the same group', objects: written('policy/v1', 'PodDisruptionBudget', 'web', ['policy/v1beta1']), cluster: clusterFacts({ servedVersions: ['policy/v1'] }) },
    { name: 'kinds the deprecation table does not know', objects: written('example.com/v2', 'Widget', 'w', ['example.com/v1beta1']), cluster: clusterFacts({ servedVersions: ['example.com/v1beta1'] }) },
    { name: 'managedFields that is not a list', objects: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report, managedFields: none}', cluster: clusterFacts({ servedVersions: servedOn124 }) },
  ],
  invalid: [
    {
      name: 'CronJob still written through batch/v1beta1 on a cluster that serves it',
      objects: [cronJob, hpa],
      cluster: clusterFacts({ servedVersions: servedOn124 }),
      violations: [
        {
          path: 'metadata',
          subject: 'CronJob shop/report',
          message: /^written through batch\/v1beta1, deprecated in Kubernetes 1\.21 \(replacement: batch\/v1\); clients still writing through it break when the cluster is upgraded to 1\.25, which no longer serves it$/,
        },
        { path: 'metadata', subject: 'HorizontalPodAutoscaler shop/web', message: 'autoscaling/v2beta2, deprecated in Kubernetes 1.23 (replacement: autoscaling/v2); clients still writing through it break when the cluster is upgraded to 1.26' },
      ],
    },
    {
      name: 'kubectl\'s last-applied configuration names the version too',
      objects: written('networking.k8s.io/v1', 'Ingress', 'web', [], 'extensions/v1beta1'),
      cluster: clusterFacts({ servedVersions: ['networking.k8s.io/v1', 'extensions/v1beta1'] }),
      violations: [{ path: 'metadata', subject: 'Ingress shop/web', message: 'written through extensions/v1beta1, deprecated in Kubernetes 1.14 (replacement: networking.k8s.io/v1)' }],
    },
    {
      name: 'each deprecated version is one finding',
      objects: written('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', 'probes', ['flowcontrol.apiserver.k8s.io/v1beta2', 'flowcontrol.apiserver.k8s.io/v1beta3']),
      cluster: clusterFacts({ servedVersions: ['flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta2', 'flowcontrol.apiserver.k8s.io/v1beta3'] }),
      violations: [
        { path: 'metadata', message: 'v1beta2, deprecated in Kubernetes 1.26' },
        { path: 'metadata', message: 'v1beta3, deprecated in Kubernetes 1.29' },
      ],
    },
    {
      name: 'a deprecated version with no removal scheduled (Endpoints read back through a future version)',
      objects: written('v2', 'Endpoints', 'web', ['v1']),
      cluster: clusterFacts({ servedVersions: ['v1', 'v2'] }),
      violations: [{ path: 'metadata', message: /^written through v1, deprecated in Kubernetes 1\.33 \(replacement: discovery\.k8s\.io\/v1 EndpointSlice\); no removal is scheduled yet$/ }],
    },
    {
      name: 'manifests: judged against the target version as api-deprecated does',
      objects: cronJob,
      options: { kubernetesVersion: '1.24' },
      violations: [{ path: 'metadata', subject: 'CronJob shop/report', message: 'upgraded to 1.25' }],
    },
    {
      name: 'manifests: the first deprecated release',
      objects: hpa,
      options: { kubernetesVersion: 'v1.23.4' },
      violations: [{ path: 'metadata', message: 'autoscaling/v2beta2' }],
    },
  ],
});
