/**
 * Gateway API: a route attaches to the listeners of the Gateways its parentRefs name, where the listener admits the
 * route's kind, namespace and hostnames; its backendRefs lead to Services and the workloads they select. A
 * backend in another namespace counts only when a ReferenceGrant there allows it.
 */
import { ownText, ownTexts } from '../../assets/values.js';
import { isRecord, list, record, type K8sObject } from '../../model/k8s.js';
import { selectorMatches } from '../../model/label-selector.js';
import type { ServiceLookup } from './ingresses.js';
import type { ExposedPort, ObjectRef } from './model.js';
import { backendPorts, landing } from './services.js';
import type { Reached } from './workloads.js';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
export const ROUTE_KINDS: ReadonlySet<string> = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

/** The listener protocols each route kind attaches to when the listener does not list the kinds it allows. */
const ROUTE_PROTOCOLS: Readonly<Record<string, readonly string[]>> = {
  HTTPRoute: ['HTTP', 'HTTPS'],
  GRPCRoute: ['HTTP', 'HTTPS'],
  TLSRoute: ['TLS'],
  TCPRoute: ['TCP'],
  UDPRoute: ['UDP'],
};

const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS']);

interface Listener {
  name: string;
  port?: number;
  protocol: string;
  hostname?: string;
  /** allowedRoutes.namespaces.from: Same (the default), All or Selector. */
  from: string;
  selector?: unknown;
  kinds?: string[];
}

export interface GatewayRecord {
  ref: ObjectRef;
  className?: string;
  listeners: Listener[];
  addresses: string[];
}

interface ParentRef {
  namespace?: string;
  name: string;
  sectionName?: string;
  port?: number;
}

interface BackendRef {
  namespace?: string;
  name: string;
  port?: number;
}

export interface RouteRecord {
  ref: ObjectRef;
  parents: ParentRef[];
  hostnames: string[];
  backends: BackendRef[];
}

export interface ReferenceGrantRecord {
  namespace?: string;
  /** `kind/namespace` of the referrers allowed. */
  from: Set<string>;
  /** Service names allowed; undefined when every Service is. */
  services?: Set<string>;
}

function portOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function addressesOf(value: unknown): string[] {
  return list(value).flatMap((entry) => {
    const address = ownText(record(entry)?.value);
    return address === undefined ? [] : [address];
  });
}

function listenerOf(value: unknown): Listener | undefined {
  const entry = record(value);
  const name = ownText(entry?.name);
  const protocol = ownText(entry?.protocol);
  if (!entry || name === undefined || protocol === undefined) return undefined;
  const allowed = record(entry.allowedRoutes);
  const namespaces = record(allowed?.namespaces);
  const kinds = allowed?.kinds === undefined ? undefined : list(allowed.kinds).flatMap((kind) => {
    const group = record(kind)?.group ?? GATEWAY_GROUP;
    const named = ownText(record(kind)?.kind);
    return group === GATEWAY_GROUP && named !== undefined ? [named] : [];
  });
  return {
    name,
    protocol,
    from: ownText(namespaces?.from) ?? 'Same',
    ...(portOf(entry.port) === undefined ? {} : { port: portOf(entry.port) }),
    ...(ownText(entry.hostname) === undefined ? {} : { hostname: ownText(entry.hostname) }),
    ...(namespaces?.selector === undefined ? {} : { selector: namespaces.selector }),
    ...(kinds === undefined ? {} : { kinds }),
  };
}

export function gatewayRecord(object: K8sObject, ref: ObjectRef): GatewayRecord {
  const spec = record(object.spec) ?? {};
  const className = ownText(spec.gatewayClassName);
  return {
    ref,
    ...(className === undefined ? {} : { className }),
    listeners: list(spec.listeners).flatMap((value) => listenerOf(value) ?? []),
    addresses: [...new Set([...addressesOf(spec.addresses), ...addressesOf(record(object.status)?.addresses)])],
  };
}

/** A reference read with the Gateway API defaults: the group and kind it names must be the ones expected. */
function referenceOf(value: unknown, group: string, kind: string): Record<string, unknown> | undefined {
  const entry = record(value);
  if (!entry || ownText(entry.name) === undefined) return undefined;
  return (entry.group ?? group) === group && (entry.kind ?? kind) === kind ? entry : undefined;
}

export function routeRecord(object: K8sObject, ref: ObjectRef): RouteRecord {
  const spec = record(object.spec) ?? {};
  const parents = list(spec.parentRefs).flatMap((value): ParentRef[] => {
    const entry = referenceOf(value, GATEWAY_GROUP, 'Gateway');
    if (!entry) return [];
    const namespace = ownText(entry.namespace) ?? ref.namespace;
    const sectionName = ownText(entry.sectionName);
    const port = portOf(entry.port);
    return [{ name: ownText(entry.name)!, ...(namespace === undefined ? {} : { namespace }), ...(sectionName === undefined ? {} : { sectionName }), ...(port === undefined ? {} : { port }) }];
  });
  const backends = list(spec.rules).flatMap((rule) =>
    list(record(rule)?.backendRefs).flatMap((value): BackendRef[] => {
      const entry = referenceOf(value, '', 'Service');
      if (!entry) return [];
      const namespace = ownText(entry.namespace) ?? ref.namespace;
      const port = portOf(entry.port);
      return [{ name: ownText(entry.name)!, ...(namespace === undefined ? {} : { namespace }), ...(port === undefined ? {} : { port }) }];
    }),
  );
  return { ref, parents, hostnames: ownTexts(spec.hostnames), backends };
}

export function referenceGrantRecord(object: K8sObject, namespace: string | undefined): ReferenceGrantRecord {
  const spec = record(object.spec) ?? {};
  const from = new Set(list(spec.from).flatMap((value) => {
    const entry = record(value);
    return entry?.group === GATEWAY_GROUP && typeof entry.kind === 'string' && typeof entry.namespace === 'string' ? [`${entry.kind}/${entry.namespace}`] : [];
  }));
  const services = list(spec.to).flatMap((value) => {
    const entry = record(value);
    return isRecord(entry) && (entry.group ?? '') === '' && entry.kind === 'Service' ? [ownText(entry.name)] : [];
  });
  return {
    from,
    ...(namespace === undefined ? {} : { namespace }),
    // A `to` entry without a name allows every Service of the namespace.
    ...(services.includes(undefined) ? {} : { services: new Set(services.filter((name): name is string => name !== undefined)) }),
  };
}

/** `*.example.com` covers any name with at least one more label in front of `.example.com`. */
function covers(wildcard: string, name: string): boolean {
  return wildcard.startsWith('*.') && name.endsWith(wildcard.slice(1)) && name.length > wildcard.length - 1;
}

/** The hostname both sides accept (the more specific one), or undefined when they share none. */
function intersect(a: string, b: string): string | undefined {
  if (a === b || covers(b, a)) return a;
  return covers(a, b) ? b : undefined;
}

/** The hosts a route serves through a listener: undefined when their hostnames never meet, [] when both accept any. */
function hostsThrough(listener: Listener, hostnames: readonly string[]): string[] | undefined {
  if (listener.hostname === undefined) return [...hostnames];
  if (hostnames.length === 0) return [listener.hostname];
  const hosts = hostnames.flatMap((name) => intersect(name, listener.hostname!) ?? []);
  return hosts.length > 0 ? [...new Set(hosts)] : undefined;
}

export interface GatewayLookup extends ServiceLookup {
  gateway(namespace: string | undefined, name: string): GatewayRecord | undefined;
  namespaceLabels(namespace: string | undefined): Record<string, string>;
  referenceGrants(namespace: string | undefined): readonly ReferenceGrantRecord[];
}

function admits(listener: Listener, gateway: GatewayRecord, route: RouteRecord, lookup: GatewayLookup): boolean {
  const kind = route.ref.kind;
  const kindAllowed = listener.kinds === undefined ? ROUTE_PROTOCOLS[kind]?.includes(listener.protocol) === true : listener.kinds.includes(kind);
  if (!kindAllowed) return false;
  switch (listener.from) {
    case 'All':
      return true;
    case 'Same':
      return route.ref.namespace === gateway.ref.namespace;
    case 'Selector':
      return selectorMatches(listener.selector, lookup.namespaceLabels(route.ref.namespace));
    default:
      return false;
  }
}

function backendAllowed(route: RouteRecord, backend: BackendRef, lookup: GatewayLookup): boolean {
  if (backend.namespace === route.ref.namespace) return true;
  return lookup.referenceGrants(backend.namespace).some((grant) =>
    grant.from.has(`${route.ref.kind}/${route.ref.namespace ?? ''}`) && (grant.services === undefined || grant.services.has(backend.name)));
}

/** One exposure per listener the route attaches to and workload behind its backends. */
export function routeExposures(route: RouteRecord, lookup: GatewayLookup): Reached[] {
  const reached: Reached[] = [];
  for (const parent of route.parents) {
    const gateway = lookup.gateway(parent.namespace, parent.name);
    if (!gateway) continue;
    for (const listener of gateway.listeners) {
      if (parent.sectionName !== undefined && parent.sectionName !== listener.name) continue;
      if (parent.port !== undefined && parent.port !== listener.port) continue;
      const hosts = hostsThrough(listener, route.hostnames);
      if (hosts === undefined || !admits(listener, gateway, route, lookup)) continue;
      const tls = TLS_PROTOCOLS.has(listener.protocol);
      for (const backend of route.backends) {
        const service = backendAllowed(route, backend, lookup) ? lookup.service(backend.namespace, backend.name) : undefined;
        if (!service) continue;
        for (const target of lookup.selected(service)) {
          const ports = backendPorts(service, backend.port).map((port): ExposedPort => ({
            ...(listener.port === undefined ? {} : { port: listener.port }),
            servicePort: port.port,
            ...landing(target, port),
          }));
          reached.push({ target, exposure: {
            via: 'Gateway',
            object: gateway.ref,
            through: [route.ref, service.ref],
            ports,
            tls,
            internal: false,
            ...(hosts.length > 0 ? { hosts } : {}),
            ...(gateway.addresses.length > 0 ? { addresses: gateway.addresses } : {}),
            detail: `Gateway ${gateway.ref.name} listener ${listener.name} (${listener.protocol}${listener.port === undefined ? '' : ` ${listener.port}`}) ` +
              `routes ${route.ref.kind} ${route.ref.name} to Service ${service.ref.name}`,
          } });
        }
      }
    }
  }
  return reached;
}
