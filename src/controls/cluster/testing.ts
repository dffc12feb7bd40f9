/** Cluster facts for the tests of cluster-level controls. */
import type { ClusterFacts } from '../../model/cluster.js';

const SELF_MANAGED = { distribution: 'kubeadm', provider: 'unknown', managed: false, evidence: [] };

const MANAGED: Readonly<Record<string, ClusterFacts['platform']>> = {
  eks: { distribution: 'eks', provider: 'aws', managed: true, evidence: ['gitVersion suffix -eks-'] },
  gke: { distribution: 'gke', provider: 'gcp', managed: true, evidence: ['gitVersion suffix -gke.'] },
  aks: { distribution: 'aks', provider: 'azure', managed: true, evidence: ['node providerID azure://'] },
};

/** A cluster named `prod` read through its API; `distribution` picks a managed platform (eks, gke, aks) or another one. */
export function clusterFacts(facts: { serverVersion?: string; servedVersions?: string[]; distribution?: string } = {}): ClusterFacts {
  const { serverVersion, servedVersions = ['v1'], distribution = 'kubeadm' } = facts;
  return {
    context: 'prod',
    server: 'https://203.0.113.10:6443',
    ...(serverVersion === undefined ? {} : { serverVersion }),
    servedVersions,
    platform: MANAGED[distribution] ?? { ...SELF_MANAGED, distribution },
  };
}
