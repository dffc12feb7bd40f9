/**
 * The asset inventory: what a scan's inputs hold, section by section, without judging any of it. Every item that
 * came from a live cluster names it (`cluster`, the kubeconfig context); an item read from a manifest names its
 * `file`. docs/inventory.md describes each field.
 */

export const INVENTORY_VERSION = '1.0.0';

/** Where one object was read: a cluster (its context) or a manifest file. */
export interface AssetOrigin {
  cluster?: string;
  file?: string;
}

/** A workload as the other sections point at it. */
export interface WorkloadRef {
  kind: string;
  namespace?: string;
  name: string;
}

export interface ClusterAsset {
  context: string;
  server: string;
  version?: string;
  distribution: string;
  provider: string;
  managed: boolean;
  counts: { nodes: number; namespaces: number; workloads: number; pods: number };
}

export interface NodeAsset extends AssetOrigin {
  name: string;
  /** From the `node-role.kubernetes.io/<role>` labels, sorted. */
  roles: string[];
  os?: string;
  osImage?: string;
  kernel?: string;
  containerRuntime?: string;
  kubeletVersion?: string;
  architecture?: string;
  instanceType?: string;
  /** The Ready condition; absent when the node reports none. */
  ready?: boolean;
}

/** The Pod Security Admission levels a namespace is labelled with. */
export interface PodSecurityLabels {
  enforce?: string;
  audit?: string;
  warn?: string;
}

export interface NamespaceAsset extends AssetOrigin {
  name: string;
  /** False when no Namespace object was read: the namespace is known from the objects placed in it. */
  observed: boolean;
  podSecurity: PodSecurityLabels;
  workloads: number;
}

export type ContainerKind = 'init' | 'app' | 'ephemeral';

export interface ContainerAsset {
  name: string;
  /** The reference as written; empty when the container names none. */
  image: string;
  kind: ContainerKind;
  privileged: boolean;
}

export interface WorkloadAsset extends AssetOrigin {
  kind: string;
  namespace?: string;
  name: string;
  /**
   * False when the workload itself was not read and is known from the objects it controls (a ReplicaSet whose
   * Deployment was not readable): its containers and labels are those of one of them.
   */
  observed: boolean;
  /** Desired copies: spec.replicas (Deployment, StatefulSet, ReplicaSet, ReplicationController), a DaemonSet's desired count. */
  replicas?: number;
  /** Pods read that run under this workload, through any chain of controllers. */
  pods: number;
  serviceAccount: string;
  containers: ContainerAsset[];
}

export interface ImageAsset {
  cluster?: string;
  /** registry/repository[:tag][@digest], as the runtime resolves the reference (docker.io defaults included). */
  reference: string;
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
  workloads: WorkloadRef[];
}

export interface RegistryAsset {
  cluster?: string;
  host: string;
  images: number;
  workloads: number;
}

export interface ServiceAccountAsset extends AssetOrigin {
  namespace?: string;
  name: string;
  /** As the ServiceAccount sets it; absent when it does not (the token is then mounted). */
  automountServiceAccountToken?: boolean;
  /** A workload runs as it but no ServiceAccount object of that name was read (`default` is never missing). */
  missing: boolean;
  workloads: WorkloadRef[];
}

export interface GrantRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** One binding that grants a subject a role. */
export interface Grant {
  binding: GrantRef;
  role: GrantRef;
}

export interface SubjectAsset {
  cluster?: string;
  /** `User`, `Group` or `ServiceAccount`. */
  kind: string;
  /** Set for service accounts only. */
  namespace?: string;
  name: string;
  grants: Grant[];
}

export interface ServicePortAsset {
  name?: string;
  port: number;
  protocol: string;
  targetPort?: number | string;
  nodePort?: number;
}

/** How a Service can be reached from outside the cluster. */
export interface ServiceExposure {
  /** Addresses the load balancer was given (status.loadBalancer.ingress ip or hostname). */
  loadBalancer: string[];
  nodePorts: number[];
  externalIPs: string[];
}

export interface ServiceAsset extends AssetOrigin {
  namespace?: string;
  name: string;
  type: string;
  clusterIP?: string;
  /** For ExternalName services: the DNS name they alias. */
  externalName?: string;
  ports: ServicePortAsset[];
  selector: Record<string, string>;
  /** Workloads whose pod template labels match the selector, in the Service's namespace. */
  workloads: WorkloadRef[];
  /** True for LoadBalancer and NodePort services and any with external IPs. */
  exposed: boolean;
  exposure: ServiceExposure;
}

export interface IngressHost {
  /** `*` for rules without a host. */
  host: string;
  tls: boolean;
  secretName?: string;
}

export interface IngressRule {
  host?: string;
  path?: string;
  pathType?: string;
  /** The backend Service; absent for a resource backend. */
  service?: string;
  port?: number | string;
  /** A non-Service backend (`kind/name`). */
  resource?: string;
  /** The workloads behind the backend Service. */
  workloads: WorkloadRef[];
}

export interface IngressAsset extends AssetOrigin {
  namespace?: string;
  name: string;
  class?: string;
  hosts: IngressHost[];
  /** Rules in declared order; the default backend, when set, comes first with neither host nor path. */
  rules: IngressRule[];
  /** Addresses the ingress controller published (status.loadBalancer.ingress). */
  addresses: string[];
  exposed: true;
}

/** A Secret's identity only: its data is never read into the inventory. */
export interface SecretAsset extends AssetOrigin {
  namespace?: string;
  name: string;
  type: string;
}

export interface AssetInventory {
  clusters: ClusterAsset[];
  nodes: NodeAsset[];
  namespaces: NamespaceAsset[];
  workloads: WorkloadAsset[];
  images: ImageAsset[];
  registries: RegistryAsset[];
  serviceAccounts: ServiceAccountAsset[];
  subjects: SubjectAsset[];
  services: ServiceAsset[];
  ingresses: IngressAsset[];
  secrets: SecretAsset[];
}
