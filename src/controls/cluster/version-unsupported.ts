import type { Platform } from '../../model/cluster.js';
import { defineInventoryControl } from '../types.js';
import { endOfLife, isPast, OLDEST_TRACKED_MINOR, oldestSupportedMinor } from './releases.js';

/** Providers that keep supporting releases past upstream end of life, for a fee or in a slower channel. */
const PROVIDER_SUPPORT: Readonly<Record<string, { name: string; program: string; calendar: string }>> = {
  eks: { name: 'Amazon EKS', program: 'extended support', calendar: 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html' },
  gke: { name: 'GKE', program: 'the Extended channel', calendar: 'https://cloud.google.com/kubernetes-engine/docs/release-schedule' },
  aks: { name: 'AKS', program: 'long-term support', calendar: 'https://learn.microsoft.com/azure/aks/supported-kubernetes-versions' },
};

/** The minor of a server gitVersion: `v1.29.4-eks-abc`, `v1.30.2+k3s1`, `v1.31.1-gke.100`; undefined for anything else. */
function minorOf(gitVersion: string): number | undefined {
  const match = /^v?1\.(\d+)(\.\d+)?([-+].*)?$/.exec(gitVersion.trim());
  return match ? Number(match[1]) : undefined;
}

function providerNote(platform: Platform): string {
  const provider = PROVIDER_SUPPORT[platform.distribution];
  return provider ? `; ${provider.name} may still support it under ${provider.program}, so check its calendar (${provider.calendar})` : '';
}

function expectedRelease(now: Date): string {
  const oldest = oldestSupportedMinor(now);
  const day = now.toISOString().slice(0, 10);
  return oldest === undefined
    ? `a Kubernetes release the project still supports on ${day} (https://kubernetes.io/releases/)`
    : `Kubernetes 1.${oldest} or newer (the oldest release the project still supports on ${day})`;
}

export default defineInventoryControl(
  {
    id: 'cluster-version-unsupported',
    title: 'Cluster runs a Kubernetes release past its end of life',
    severity: 'high',
    category: 'Cluster',
    description:
      'Flags a cluster whose API server reports a Kubernetes minor release that had passed its upstream end-of-life date (kubernetes.io/releases) at the time of the scan.',
    rationale:
      'After end of life the Kubernetes project publishes no more patches: vulnerabilities found later in the API server, kubelet or kube-proxy (privilege escalations, node and container escapes) stay open. The longer a cluster stays behind, the more minor releases an upgrade must step through one at a time, which makes it rarer and riskier.',
    remediation:
      'Upgrade the control plane one minor release at a time to a supported one, then the nodes, moving manifests off the APIs each step removes first (api-removed lists them). On EKS, GKE or AKS, see whether the provider still supports the release and until when, and plan the upgrade before that date.',
    frameworks: [
      { framework: 'nsa', id: 'upgrades' },
      { framework: 'mitre', id: 'T1068' },
    ],
    appliesTo: ['Cluster'],
    links: ['https://kubernetes.io/releases/', 'https://kubernetes.io/releases/version-skew-policy/'],
  },
  (inventory, options) => {
    const entry = inventory.clusterEntry();
    const cluster = inventory.cluster;
    const gitVersion = cluster?.serverVersion;
    if (!entry || !cluster || gitVersion === undefined) return [];
    const minor = minorOf(gitVersion);
    if (minor === undefined) return [];
    const ended = endOfLife(minor);
    const past = minor < OLDEST_TRACKED_MINOR || (ended !== undefined && isPast(ended, options.now));
    if (!past) return [{ entry, violations: [] }];
    const when = ended === undefined ? `before 1.${OLDEST_TRACKED_MINOR} did on ${endOfLife(OLDEST_TRACKED_MINOR)!}` : `on ${ended}`;
    return [
      {
        entry,
        violations: [
          {
            path: ['gitVersion'],
            message: `the API server runs ${gitVersion}, and Kubernetes 1.${minor} reached upstream end of life ${when}: the project no longer patches it${providerNote(cluster.platform)}`,
            found: { gitVersion, release: `1.${minor}`, endOfLife: ended ?? null, distribution: cluster.platform.distribution },
            expected: expectedRelease(options.now),
          },
        ],
      },
    ];
  },
);
