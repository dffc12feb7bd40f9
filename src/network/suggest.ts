/**
 * NetworkPolicies to lock a namespace down: deny all ingress and egress, then allow DNS to kube-dns, and allow into
 * each Service's pods, on the Service's target ports, from the namespace itself and from the namespaces named. The
 * namespace's own pods get egress to those Services' pods too, or the in-namespace flows would be denied on the way
 * out. Before the suggestion is returned, the reachability engine checks it (see suggest-check.ts).
 */
import { selects, summariseService } from '../assets/services.js';
import type { K8sObject } from '../model/k8s.js';
import { networkEstateOf } from './estate.js';
import { isProtocol, type Protocol } from './ports.js';
import { checkSuggestion, describeFlow, type CheckResult } from './suggest-check.js';

export const GENERATED_BY = { 'kspm.io/generated-by': 'kspm' } as const;
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
export const DNS = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, port: 53 } as const;

export interface SuggestOptions {
  namespace: string;
  /** Namespaces whose pods may open connections to the Services of `namespace`. */
  allowFrom: readonly string[];
}

/** A target port of a Service: a number, or a container port name resolved on each pod. */
export interface TargetPort {
  protocol: Protocol;
  port: number | string;
}

export interface ServiceIntent {
  name: string;
  selector: Record<string, string>;
  ports: TargetPort[];
}

/** What the suggestion is meant to allow; everything else into and out of the namespace is denied. */
export interface Intent {
  namespace: string;
  allowFrom: string[];
  services: ServiceIntent[];
}

export interface Suggestion {
  policies: K8sObject[];
  check: CheckResult;
  /** What the suggestion leaves out or could not check (a Service without selector, an unresolved port name). */
  notes: string[];
}

function targetPorts(service: ReturnType<typeof summariseService>, notes: string[]): TargetPort[] {
  const ports: TargetPort[] = [];
  for (const entry of service.ports) {
    if (!isProtocol(entry.protocol)) {
      notes.push(`Service ${service.namespace}/${service.name} port ${entry.port} has protocol ${entry.protocol}, which NetworkPolicies cannot name; it is left out`);
      continue;
    }
    const port = entry.targetPort ?? entry.port;
    if (!ports.some((seen) => seen.protocol === entry.protocol && seen.port === port)) ports.push({ protocol: entry.protocol, port });
  }
  return ports;
}

/** The Services of the namespace that select pods, with their target ports; the others are explained in `notes`. */
export function serviceIntents(objects: readonly K8sObject[], namespace: string, notes: string[]): ServiceIntent[] {
  const intents: ServiceIntent[] = [];
  for (const object of objects) {
    const name = object.metadata?.name;
    if (object.kind !== 'Service' || object.apiVersion !== 'v1' || object.metadata?.namespace !== namespace || typeof name !== 'string') continue;
    const service = summariseService(object, {}, namespace, name);
    if (service.type === 'ExternalName') {
      notes.push(`Service ${namespace}/${name} is an ExternalName: it has no pods here to allow traffic into`);
      continue;
    }
    if (Object.keys(service.selector).length === 0) {
      notes.push(`Service ${namespace}/${name} has no selector (its endpoints are managed by hand), so no policy can select its pods`);
      continue;
    }
    const ports = targetPorts(service, notes);
    if (ports.length === 0) {
      notes.push(`Service ${namespace}/${name} has no port to allow`);
      continue;
    }
    intents.push({ name, selector: service.selector, ports });
  }
  return intents.sort((a, b) => a.name.localeCompare(b.name));
}

function policy(namespace: string, name: string, spec: Record<string, unknown>): K8sObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace, labels: { ...GENERATED_BY } }, spec };
}

const policyPorts = (ports: readonly TargetPort[]) => ports.map(({ protocol, port }) => ({ protocol, port }));

/** The NetworkPolicies that allow what `intent` says and nothing else. */
export function writePolicies(intent: Intent): K8sObject[] {
  const { namespace, allowFrom, services } = intent;
  const sources: Record<string, unknown>[] = [
    { podSelector: {} },
    ...(allowFrom.length > 0 ? [{ namespaceSelector: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'In', values: [...allowFrom] }] } }] : []),
  ];
  const policies = [
    policy(namespace, 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy(namespace, 'allow-dns-egress', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{
        to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: DNS.namespace } }, podSelector: { matchLabels: { ...DNS.labels } } }],
        ports: [{ protocol: 'UDP', port: DNS.port }, { protocol: 'TCP', port: DNS.port }],
      }],
    }),
  ];
  if (services.length > 0) {
    policies.push(policy(namespace, 'allow-egress-to-services', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: services.map((service) => ({ to: [{ podSelector: { matchLabels: { ...service.selector } } }], ports: policyPorts(service.ports) })),
    }));
  }
  for (const service of services) {
    policies.push(policy(namespace, `allow-${service.name}-ingress`, {
      podSelector: { matchLabels: { ...service.selector } },
      policyTypes: ['Ingress'],
      ingress: [{ from: sources, ports: policyPorts(service.ports) }],
    }));
  }
  return policies;
}

/** Suggests the policies for `options.namespace` and checks them; throws when the check finds a flow it got wrong. */
export function suggestPolicies(objects: readonly K8sObject[], options: SuggestOptions): Suggestion {
  const notes: string[] = [];
  const known = networkEstateOf(objects).namespaces;
  const allowFrom = [...new Set(options.allowFrom)].filter((name) => name !== options.namespace).sort();
  for (const name of allowFrom) if (!known.has(name)) notes.push(`namespace ${name} was not read: a probe pod stands in for its pods in the check`);
  const intent: Intent = { namespace: options.namespace, allowFrom, services: serviceIntents(objects, options.namespace, notes) };
  const policies = writePolicies(intent);
  const check = checkSuggestion(objects, intent, policies);
  if (check.failures.length > 0) {
    throw new Error(`the suggested policies for namespace ${intent.namespace} do not do what they should:\n${check.failures.map((flow) => `  - ${describeFlow(flow)}`).join('\n')}`);
  }
  return { policies, check, notes: [...notes, ...check.notes] };
}

/** Whether a workload's pods are behind a Service of the intent (its selector matches their template labels). */
export function servicesSelecting(intent: Intent, labels: Record<string, string>): ServiceIntent[] {
  return intent.services.filter((service) => selects(service.selector, labels));
}
