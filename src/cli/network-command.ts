/** `kspm network ...`: who can reach whom under the NetworkPolicies, from a cluster, a snapshot or manifests. */
import { EXIT } from '../engine/scan.js';
import { NetworkEstateBuilder, networkEstateOf, type NetworkEstate } from '../network/estate.js';
import { describeEndpoint, explainConnection } from '../network/explain.js';
import { parseAddress } from '../network/ip.js';
import { ExposureCollector, exposureJson, exposureTable } from '../network/exposure/index.js';
import { computeMatrix } from '../network/matrix.js';
import { isProtocol } from '../network/ports.js';
import { Reachability, type Endpoint } from '../network/reachability.js';
import { renderMatrix, type MatrixFormat } from '../network/render.js';
import { suggestPolicies } from '../network/suggest.js';
import { suggestionYaml } from '../network/suggest-yaml.js';
import type { K8sObject } from '../model/k8s.js';
import { UsageError } from '../usage-error.js';
import { readOneCluster, type OneClusterFlags } from './one-cluster.js';

async function readEstate(flags: OneClusterFlags, command: string): Promise<NetworkEstate> {
  const builder = new NetworkEstateBuilder();
  await readOneCluster(flags, `network ${command}`, (object) => builder.add(object));
  return builder.build();
}

export interface MatrixFlags extends OneClusterFlags {
  namespace: string[];
  output: MatrixFormat;
}

export async function matrixCommand(flags: MatrixFlags): Promise<number> {
  const estate = await readEstate(flags, 'matrix');
  process.stdout.write(renderMatrix(computeMatrix(new Reachability(estate), flags.namespace), flags.output));
  return EXIT.ok;
}

/** `internet`, an IP address, or `NAMESPACE/WORKLOAD`. */
function endpointOf(text: string, estate: NetworkEstate): Endpoint {
  if (text === 'internet') return { type: 'internet' };
  const address = parseAddress(text);
  if (address) return { type: 'address', block: address, text };
  const slash = text.indexOf('/');
  if (slash <= 0 || slash === text.length - 1) throw new UsageError(`"${text}" is not NAMESPACE/WORKLOAD, an IP address or internet`);
  const namespace = text.slice(0, slash);
  const name = text.slice(slash + 1);
  const matches = estate.workloads.filter((workload) => workload.namespace === namespace && workload.name === name);
  if (matches.length === 0) throw new UsageError(`no workload ${namespace}/${name} (a Deployment, StatefulSet, DaemonSet, Job, CronJob or bare Pod) was read`);
  if (matches.length > 1) throw new UsageError(`${namespace}/${name} names ${matches.map((workload) => workload.kind).join(' and ')}: rename one or ask about the other`);
  return { type: 'workload', workload: matches[0]! };
}

function portOf(text: string): { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' } {
  const [number = '', protocol = 'TCP', ...rest] = text.split('/');
  const port = Number(number);
  const upper = protocol.toUpperCase();
  if (rest.length > 0 || !Number.isInteger(port) || port < 1 || port > 65535 || !isProtocol(upper)) throw new UsageError(`invalid --port "${text}": expected P or P/PROTOCOL, e.g. 5432 or 53/UDP`);
  return { port, protocol: upper };
}

export interface ExplainFlags extends OneClusterFlags {
  port?: string;
  output: 'table' | 'json';
}

/** Prints whether FROM may connect to TO and why; exits 0 when allowed, 1 when denied. */
export async function explainCommand(from: string, to: string, flags: ExplainFlags): Promise<number> {
  const port = flags.port === undefined ? undefined : portOf(flags.port);
  const estate = await readEstate(flags, 'explain');
  const source = endpointOf(from, estate);
  const destination = endpointOf(to, estate);
  const explanation = explainConnection(new Reachability(estate), source, destination, port);
  if (flags.output === 'json') {
    process.stdout.write(`${JSON.stringify({ allowed: explanation.allowed, from: describeEndpoint(source), to: describeEndpoint(destination), ...(port ? { port } : {}), ports: explanation.ports, reasons: explanation.reasons }, null, 2)}\n`);
  } else {
    const asked = port ? ` on ${port.protocol} ${port.port}` : '';
    process.stdout.write(`${describeEndpoint(source)} -> ${describeEndpoint(destination)}${asked}: ${explanation.allowed ? 'ALLOWED' : 'DENIED'}\n${explanation.reasons.map((reason) => `  - ${reason}`).join('\n')}\n`);
  }
  return explanation.allowed ? EXIT.ok : EXIT.findings;
}

export interface ExposureFlags extends OneClusterFlags {
  output: 'table' | 'json';
}

/** `kspm network exposure`: which workloads are reachable from outside the cluster, and how. */
export async function exposureCommand(flags: ExposureFlags): Promise<number> {
  const collector = new ExposureCollector();
  await readOneCluster(flags, 'network exposure', (object) => collector.add(object));
  const exposed = collector.result();
  process.stdout.write(flags.output === 'json' ? exposureJson(exposed) : exposureTable(exposed));
  return EXIT.ok;
}

export interface SuggestFlags extends OneClusterFlags {
  namespace: string;
  allowFrom: string[];
}

/** Prints NetworkPolicies that lock a namespace down to its Services' traffic, once the reachability engine has checked them. */
export async function suggestCommand(flags: SuggestFlags): Promise<number> {
  const objects: K8sObject[] = [];
  await readOneCluster(flags, 'network suggest', (object) => objects.push(object));
  if (!networkEstateOf(objects).namespaces.has(flags.namespace)) throw new UsageError(`no namespace "${flags.namespace}" was read: nothing in it to write policies for`);
  process.stdout.write(suggestionYaml(suggestPolicies(objects, flags), flags.namespace));
  return EXIT.ok;
}
