/** What kspm knows about a live cluster (read directly or from a snapshot of it). */

/** How the cluster was built and who runs it, as far as the API shows. */
export interface Platform {
  /** `eks`, `gke`, `aks`, `openshift`, `k3s`, `rke2`, `kind`, `minikube`, `kubeadm` or `unknown`. */
  distribution: string;
  /** `aws`, `gcp`, `azure`, ... or `unknown`: where the nodes run. */
  provider: string;
  /** True when the provider runs the control plane (EKS, GKE, AKS): its static pods and flags are out of sight. */
  managed: boolean;
  /** The observations the verdict rests on, e.g. `node ip-10-0-1-5 providerID aws:///eu-west-1a/i-0abc`. */
  evidence: string[];
}

export interface ClusterFacts {
  /** The kubeconfig context the cluster was read through; names the cluster in every report. */
  context: string;
  server: string;
  /** The server's gitVersion, e.g. `v1.33.2-eks-4c4a2f8`. */
  serverVersion?: string;
  /** Every group version the server serves (`v1`, `apps/v1`, `batch/v1beta1`, ...), preferred or not. */
  servedVersions: string[];
  platform: Platform;
}

/** A resource the credentials (or the server) would not let kspm read: what it cannot see, it cannot judge. */
export interface CoverageGap {
  cluster: string;
  /** `secrets`, `rolebindings.rbac.authorization.k8s.io`, or a group version whose discovery failed. */
  resource: string;
  /** The HTTP status (403, 503, ...), 0 when the request never got one. */
  status: number;
  reason: string;
}
