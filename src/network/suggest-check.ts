/**
 * Checks suggested NetworkPolicies with the reachability engine, on the estate as it would be once they are applied:
 * the namespace's existing policies replaced by the suggestion, every other namespace as read. Each pair of endpoints
 * with one end in the namespace is judged on the namespace's side only (its ingress for connections in, its egress
 * for connections out), since that is what the suggestion decides:
 * - each port the intent names must be allowed: Service target ports from the namespace and the namespaces allowed
 *   in, DNS to kube-dns;
 * - nothing else may be: no other port, no other namespace, not the internet, either way.
 * Namespaces with no workload to stand for them (an allowed one, and one not named at all) get a probe pod.
 */
import { isDeepStrictEqual } from 'node:util';
import type { K8sObject } from '../model/k8s.js';
import { networkEstateOf, type Workload } from './estate.js';
import { describeEndpoint } from './explain.js';
import { contains, describePorts, intersect, NO_PORTS, portSet, PROTOCOLS, union, type PortSet } from './ports.js';
import { Reachability, type Endpoint, type Verdict } from './reachability.js';
import { DNS, servicesSelecting, type Intent } from './suggest.js';

export interface FlowCheck {
  from: Endpoint;
  to: Endpoint;
  /** `allowed`: `ports` must all be allowed; `denied`: nothing beyond `ports` may be (NO_PORTS: nothing at all). */
  expected: 'allowed' | 'denied';
  ports: PortSet;
  /** What the namespace's side allows. */
  actual: PortSet;
  ok: boolean;
}

export interface CheckResult {
  allowed: FlowCheck[];
  denied: FlowCheck[];
  failures: FlowCheck[];
  /** What the check could not cover, or what other namespaces' policies must also allow. */
  notes: string[];
}

const PROBE_NAME = 'kspm-probe';

export function describeFlow(flow: FlowCheck): string {
  const route = `${describeEndpoint(flow.from)} -> ${describeEndpoint(flow.to)}`;
  const actual = `the namespace's policies allow ${describePorts(flow.actual)}`;
  if (flow.expected === 'allowed') return `${route} should be allowed on ${describePorts(flow.ports)}, but ${actual}`;
  const limit = isDeepStrictEqual(flow.ports, NO_PORTS) ? 'denied' : `allowed on ${describePorts(flow.ports)} only`;
  return `${route} should be ${limit}, but ${actual}`;
}

function probe(namespace: string, name = PROBE_NAME, labels: Record<string, string> = {}, ports: Workload['ports'] = []): Workload {
  return { kind: 'Probe', namespace, name, labels, ports, hostNetwork: false };
}

function unusedNamespace(known: ReadonlyMap<string, unknown>): string {
  let name = 'kspm-probe-elsewhere';
  for (let count = 2; known.has(name); count++) name = `kspm-probe-elsewhere-${count}`;
  return name;
}

const isNetworkPolicy = (object: K8sObject) => object.kind === 'NetworkPolicy' && object.apiVersion === 'networking.k8s.io/v1';

/** The ports `target` should accept: the target ports of the Services selecting it, names resolved on its containers. */
function servicePorts(intent: Intent, target: Workload, notes: Set<string>): PortSet {
  let ports = NO_PORTS;
  for (const service of servicesSelecting(intent, target.labels)) {
    for (const { protocol, port } of service.ports) {
      if (typeof port === 'number') {
        ports = union(ports, portSet(protocol, [[port, port]]));
        continue;
      }
      const named = target.ports.filter((each) => each.name === port && each.protocol === protocol);
      if (named.length === 0) notes.add(`Service ${intent.namespace}/${service.name} targets port "${port}" (${protocol}), which ${target.kind} ${target.namespace}/${target.name} does not name: that flow is not checked`);
      ports = union(ports, portSet(protocol, named.map((each) => [each.port, each.port] as const)));
    }
  }
  return ports;
}

function eachPort(ports: PortSet): { protocol: (typeof PROTOCOLS)[number]; port: number }[] {
  return PROTOCOLS.flatMap((protocol) => ports[protocol].flatMap(([low, high]) => Array.from({ length: high - low + 1 }, (_, index) => ({ protocol, port: low + index }))));
}

/** Checks that `policies`, in place of the namespace's own, allow what `intent` names and deny the rest. */
export function checkSuggestion(objects: readonly K8sObject[], intent: Intent, policies: readonly K8sObject[]): CheckResult {
  const { namespace } = intent;
  const estate = networkEstateOf([...objects.filter((object) => !(isNetworkPolicy(object) && object.metadata?.namespace === namespace)), ...policies]);
  const notes = new Set<string>();
  const read = [...estate.workloads];
  const representative = (name: string): Workload | undefined => read.find((workload) => workload.namespace === name && !workload.hostNetwork);
  const added: Workload[] = [];
  const standIn = (name: string): Workload => {
    const found = representative(name);
    if (found) return found;
    const made = probe(name);
    added.push(made);
    return made;
  };

  const insiders = read.filter((workload) => workload.namespace === namespace && !workload.hostNetwork);
  for (const workload of read) {
    if (workload.namespace === namespace && workload.hostNetwork) notes.add(`${workload.kind} ${namespace}/${workload.name} runs on the host network, where NetworkPolicies do not apply: it is left out of the check`);
  }
  for (const service of intent.services) {
    if (!insiders.some((workload) => servicesSelecting(intent, workload.labels).includes(service))) notes.add(`Service ${namespace}/${service.name} selects no workload that was read: its policy is not checked against a pod`);
  }
  const allowedIn = intent.allowFrom.map(standIn);
  const elsewhere = unusedNamespace(estate.namespaces);
  const others = [...estate.namespaces.keys()]
    .filter((name) => name !== namespace && !intent.allowFrom.includes(name))
    .flatMap((name) => representative(name) ?? []);
  const dns = read.find((workload) => workload.namespace === DNS.namespace && !workload.hostNetwork && Object.entries(DNS.labels).every(([key, value]) => workload.labels[key] === value))
    ?? probe(DNS.namespace, 'kube-dns', { ...DNS.labels }, [{ name: 'dns', port: DNS.port, protocol: 'UDP' }, { name: 'dns-tcp', port: DNS.port, protocol: 'TCP' }]);
  if (!read.includes(dns)) added.push(dns);
  const outsider = probe(elsewhere);
  added.push(outsider);
  for (const workload of added) {
    if (!estate.namespaces.has(workload.namespace)) estate.namespaces.set(workload.namespace, { 'kubernetes.io/metadata.name': workload.namespace });
    estate.workloads.push(workload);
  }
  const reachability = new Reachability(estate);

  const expectedIn = new Map(insiders.map((workload) => [workload, servicePorts(intent, workload, notes)]));
  const dnsPorts = union(portSet('UDP', [[DNS.port, DNS.port]]), portSet('TCP', [[DNS.port, DNS.port]]));
  const result: CheckResult = { allowed: [], denied: [], failures: [], notes: [] };
  type Side = 'both' | 'ingress' | 'egress';
  const sideOf = (verdict: Verdict, side: Side): PortSet => (side === 'both' ? verdict.allowed : verdict[side].allowed);
  /** When the namespace's side allows a flow the other end's own policies refuse, says what to allow there. */
  const noteOtherSide = (from: Endpoint, to: Endpoint, side: Side, protocol: string, port: number) => {
    const outside = side === 'ingress' ? from : to;
    if (side === 'both' || outside.type !== 'workload') return;
    const direction = side === 'ingress' ? `out to namespace ${namespace}` : `in from namespace ${namespace}`;
    notes.add(`the policies of namespace ${outside.workload.namespace} do not let ${describeEndpoint(outside)} ${direction} on ${protocol} ${port}: allow that ${side === 'ingress' ? 'egress' : 'ingress'} there too`);
  };
  const judge = (from: Endpoint, to: Endpoint, expected: PortSet, side: Side) => {
    const verdict = reachability.connection(from, to);
    const actual = sideOf(verdict, side);
    for (const { protocol, port } of eachPort(expected)) {
      const ok = contains(actual, protocol, port);
      const flow: FlowCheck = { from, to, expected: 'allowed', ports: portSet(protocol, [[port, port]]), actual, ok };
      result.allowed.push(flow);
      if (!ok) result.failures.push(flow);
      else if (!contains(verdict.allowed, protocol, port)) noteOtherSide(from, to, side, protocol, port);
    }
    const ok = isDeepStrictEqual(intersect(actual, expected), actual);
    const flow: FlowCheck = { from, to, expected: 'denied', ports: expected, actual, ok };
    result.denied.push(flow);
    if (!ok) result.failures.push(flow);
  };
  const workload = (each: Workload): Endpoint => ({ type: 'workload', workload: each });
  const internet: Endpoint = { type: 'internet' };

  for (const source of insiders) {
    for (const target of insiders) judge(workload(source), workload(target), expectedIn.get(target)!, 'both');
    judge(workload(source), workload(dns), dnsPorts, 'egress');
    for (const target of [...allowedIn, ...others, outsider].filter((each) => each !== dns)) judge(workload(source), workload(target), NO_PORTS, 'egress');
    judge(workload(source), internet, NO_PORTS, 'egress');
  }
  for (const target of insiders) {
    for (const source of allowedIn) judge(workload(source), workload(target), expectedIn.get(target)!, 'ingress');
    for (const source of [...others, outsider]) judge(workload(source), workload(target), NO_PORTS, 'ingress');
    judge(internet, workload(target), NO_PORTS, 'ingress');
  }
  result.notes = [...notes];
  return result;
}
