/**
 * Beyond forbidding hostPath, the restricted policy limits inline pod volumes to the ones that only project API data
 * or storage the cluster manages.
 *
 * Restricted fields: spec.volumes[*].hostPath, gcePersistentDisk, awsElasticBlockStore, gitRepo, nfs, iscsi,
 * glusterfs, rbd, flexVolume, cinder, cephfs, flocker, fc, azureFile, vsphereVolume, quobyte, azureDisk,
 * portworxVolume, photonPersistentDisk, scaleIO, storageos
 * Allowed values: undefined/null. Allowed volume sources: configMap, csi, downwardAPI, emptyDir, ephemeral, image,
 * persistentVolumeClaim, projected, secret (a volume with no source is defaulted to emptyDir by the API server).
 */
import { isRecord, list } from '../../model/k8s.js';
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { isUnset, type PssPod } from './pod.js';

const ALLOWED_SOURCES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

const RESTRICTED_SOURCES = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'portworxVolume',
  'photonPersistentDisk',
  'scaleIO',
  'storageos',
];

function restrictedVolumes_1_0(pod: PssPod): Violation[] {
  const violations: Violation[] = [];
  list(pod.spec.volumes).forEach((volume, index) => {
    if (!isRecord(volume) || ALLOWED_SOURCES.some((source) => !isUnset(volume[source]))) return;
    const source = RESTRICTED_SOURCES.find((candidate) => !isUnset(volume[candidate]));
    if (!source) return;
    violations.push({
      path: [...pod.specPath, 'volumes', index, source],
      message: `restricted volume types: volume ${JSON.stringify(typeof volume.name === 'string' ? volume.name : '')} uses restricted volume type ${JSON.stringify(source)}`,
      found: source,
      expected: `one of ${ALLOWED_SOURCES.join(', ')}`,
    });
  });
  return violations;
}

export default definePssControl(
  {
    id: 'pss-restricted-volumes',
    title: 'Pod uses a volume type outside the restricted set',
    severity: 'medium',
    description: 'Flags volumes other than configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret.',
    rationale:
      'Inline network and host volumes (nfs, iscsi, rbd, gitRepo, flexVolume, hostPath, ...) are mounted by the node with node credentials and bypass the cluster storage administration; gitRepo and flexVolume have run code on the node.',
    remediation: 'Move the storage behind a PersistentVolumeClaim (or a CSI driver) managed by the cluster administrators, or use emptyDir/configMap/secret for local data.',
    frameworks: [
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1611' },
    ],
  },
  {
    check: 'restrictedVolumes',
    level: 'restricted',
    versions: [{ minimum: 0, check: restrictedVolumes_1_0, overrides: ['pss-host-path-volumes'] }],
  },
);
