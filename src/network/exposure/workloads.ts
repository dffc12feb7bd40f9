/**
 * The workloads exposure is judged on: top-level pod-running objects (a Deployment, not its ReplicaSets and Pods),
 * with what Services and host networking need of their pod template.
 */
import { ownLabels, ownText } from '../../assets/values.js';
import { controllerOf } from '../../inventory/ownership.js';
import { containersOf, podTemplateOf } from '../../inventory/pod-spec.js';
import { isRecord, list, type K8sObject } from '../../model/k8s.js';
import type { Exposure, ExposedPort, ObjectRef } from './model.js';

export interface ContainerPort {
  container: string;
  name?: string;
  containerPort: number;
  protocol: string;
  hostPort?: number;
  hostIP?: string;
}

export interface ExposureTarget {
  ref: ObjectRef;
  podLabels: Record<string, string>;
  hostNetwork: boolean;
  ports: ContainerPort[];
}

/** A way in, and the workload it reaches. */
export interface Reached {
  target: ExposureTarget;
  exposure: Exposure;
}

function portNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 65536 ? value : undefined;
}

/** The target a top-level workload is judged as; undefined for controller-managed objects and workloads without a pod spec. */
export function exposureTarget(object: K8sObject, ref: ObjectRef): ExposureTarget | undefined {
  const template = podTemplateOf(object);
  if (!template || controllerOf(object)) return undefined;
  // Sidecars are init containers that keep running, and serve on the ports they declare.
  const ports = containersOf(template, ['containers', 'initContainers']).flatMap(({ container }) =>
    list(container.ports).flatMap((value): ContainerPort[] => {
      const containerPort = isRecord(value) ? portNumber(value.containerPort) : undefined;
      if (!isRecord(value) || containerPort === undefined) return [];
      const port: ContainerPort = { container: ownText(container.name) ?? '', containerPort, protocol: ownText(value.protocol) ?? 'TCP' };
      const name = ownText(value.name);
      const hostPort = portNumber(value.hostPort);
      const hostIP = ownText(value.hostIP);
      if (name !== undefined) port.name = name;
      if (hostPort !== undefined) port.hostPort = hostPort;
      if (hostIP !== undefined) port.hostIP = hostIP;
      return [port];
    }),
  );
  return { ref, podLabels: ownLabels(template.metadata.labels), hostNetwork: template.spec.hostNetwork === true, ports };
}

/**
 * The container port a Service's targetPort lands on: a number is the port itself, a name is looked up among the
 * pod's declared ports, and no targetPort means the Service port. Undefined when a name matches no declared port.
 */
export function containerPortFor(target: ExposureTarget, targetPort: number | string | undefined, servicePort: number, protocol: string): number | undefined {
  if (targetPort === undefined) return servicePort;
  if (typeof targetPort === 'number') return targetPort;
  return target.ports.find((port) => port.name === targetPort && port.protocol === protocol)?.containerPort;
}

const LOOPBACK = /^(127\.|::1$|0:0:0:0:0:0:0:1$)/;
const ANY_ADDRESS = new Set(['0.0.0.0', '::']);

/** hostNetwork and hostPort: the pod answers on the node's own addresses, with no Service in between. */
export function hostExposures(target: ExposureTarget): Exposure[] {
  const exposures: Exposure[] = [];
  const base = { object: target.ref, through: [], tls: undefined, internal: false };
  if (target.hostNetwork) {
    const ports = target.ports.map(({ containerPort, protocol }): ExposedPort => ({ port: containerPort, protocol, containerPort }));
    exposures.push({
      ...base,
      via: 'hostNetwork',
      ports,
      detail: 'the pod shares the node network namespace: every port it listens on is open on the node addresses' +
        (ports.length === 0 ? ' (it declares none)' : ''),
    });
  }
  const mapped = target.ports.filter((port) => port.hostPort !== undefined && !(port.hostIP !== undefined && LOOPBACK.test(port.hostIP)));
  if (mapped.length > 0) {
    const addresses = [...new Set(mapped.flatMap(({ hostIP }) => (hostIP === undefined || ANY_ADDRESS.has(hostIP) ? [] : [hostIP])))];
    exposures.push({
      ...base,
      via: 'hostPort',
      ports: mapped.map(({ hostPort, protocol, containerPort }) => ({ port: hostPort, protocol, containerPort })),
      ...(addresses.length > 0 ? { addresses } : {}),
      detail: mapped.map(({ container, hostPort, containerPort, protocol }) => `container ${container} maps host port ${hostPort}/${protocol} to ${containerPort}`).join('; '),
    });
  }
  return exposures;
}
