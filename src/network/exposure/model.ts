/** How a workload can be reached from outside the cluster, and the objects that prove it. */

export type ExposureVia = 'LoadBalancer' | 'NodePort' | 'externalIPs' | 'Ingress' | 'Gateway' | 'hostNetwork' | 'hostPort';

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

export interface ExposedPort {
  /** The port a client outside connects to, when the manifests say: a Service or listener port, a node port, a host port. */
  port?: number;
  protocol: string;
  /** The Service port the traffic passes through, for Ingress and Gateway backends. */
  servicePort?: number;
  /** The Service's targetPort as written (a number or a container port name). */
  targetPort?: number | string;
  /** The container port the traffic lands on, once a named targetPort is resolved against the pod template. */
  containerPort?: number;
}

export interface Exposure {
  via: ExposureVia;
  /** Where traffic enters: the Service, Ingress or Gateway; for hostNetwork and hostPort the workload itself. */
  object: ObjectRef;
  /** The objects between the entry and the workload, in order (an HTTPRoute, the backend Service). */
  through: ObjectRef[];
  ports: ExposedPort[];
  /** Whether clients talk TLS to the entry point; undefined where the entry point works below TLS (Services, host ports). */
  tls: boolean | undefined;
  /** A cloud load balancer kept on private addresses by its annotations: reachable from the network, not the internet. */
  internal: boolean;
  hosts?: string[];
  addresses?: string[];
  /** Client ranges a load balancer admits, when it names any. */
  sourceRanges?: string[];
  detail: string;
}

export interface WorkloadExposure {
  workload: ObjectRef;
  exposures: Exposure[];
}
