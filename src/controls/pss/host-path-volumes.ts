/**
 * HostPath volumes must be forbidden.
 *
 * Restricted fields: spec.volumes[*].hostPath
 * Allowed values: undefined/null
 */
import { isRecord, list } from '../../model/k8s.js';
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { isUnset, type PssPod } from './pod.js';

function hostPathVolumes_1_0(pod: PssPod): Violation[] {
  const violations: Violation[] = [];
  list(pod.spec.volumes).forEach((volume, index) => {
    if (!isRecord(volume) || isUnset(volume.hostPath)) return;
    violations.push({
      path: [...pod.specPath, 'volumes', index, 'hostPath'],
      message: `hostPath volumes: volume ${JSON.stringify(typeof volume.name === 'string' ? volume.name : '')} must not use hostPath`,
      found: volume.hostPath,
      expected: 'no hostPath volume',
    });
  });
  return violations;
}

export default definePssControl(
  {
    id: 'pss-host-path-volumes',
    title: 'Pod mounts a hostPath volume',
    severity: 'high',
    description: 'Flags pod volumes of type hostPath.',
    rationale:
      "A hostPath volume exposes the node's filesystem to the container: the container runtime socket, kubelet credentials, other pods' secrets, or / itself. Writing there is a direct route to the node.",
    remediation: 'Replace the hostPath volume with an emptyDir, a configMap/secret, or a PersistentVolumeClaim; node agents that truly need host files belong in a separately governed, exempted namespace.',
    frameworks: [
      { framework: 'cis', id: '5.2.11' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1611' },
    ],
  },
  { check: 'hostPathVolumes', level: 'baseline', versions: [{ minimum: 0, check: hostPathVolumes_1_0 }] },
);
