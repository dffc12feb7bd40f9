import pc from 'picocolors';
import type {
  AssetInventory,
  AssetOrigin,
  ContainerAsset,
  Grant,
  GrantRef,
  IngressAsset,
  NodeAsset,
  ServiceAsset,
  ServicePortAsset,
  WorkloadAsset,
  WorkloadRef,
} from './model.js';
import { layoutTable, type Cell, type CellText, type Column } from './table-layout.js';

type Colors = ReturnType<typeof pc.createColors>;

export interface InventoryTableOptions {
  color: boolean;
  /** Columns of the screen; 100 when not given. */
  width?: number;
}

const DEFAULT_WIDTH = 100;
const MIN_WIDTH = 40;
/** Lists inside a cell (the workloads of an image, the grants of a subject) show this many, then a count. */
const LISTED = 5;
const NONE = '-';

interface Section {
  title: string;
  /** How many assets the section lists, e.g. `3 workloads`. */
  summary: string;
  columns: Column[];
  rows: Cell[][];
  /** The cluster of each row, for the CLUSTER column shown when rows come from more than one. */
  clusters: (string | undefined)[];
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The first few entries, a line each, then how many more: a cell with a hundred workloads would bury the table. */
function listed(items: readonly string[]): string[] {
  if (items.length === 0) return [NONE];
  return items.length > LISTED ? [...items.slice(0, LISTED), `... and ${items.length - LISTED} more`] : [...items];
}

function describeRef(ref: WorkloadRef | GrantRef): string {
  return `${ref.kind} ${ref.namespace === undefined ? '' : `${ref.namespace}/`}${ref.name}`;
}

function orNone(value: string | number | undefined): string {
  return value === undefined || value === '' ? NONE : String(value);
}

function describeContainer(container: ContainerAsset): string {
  const prefix = container.kind === 'app' ? '' : `${container.kind}:`;
  return `${prefix}${container.name}=${container.image || NONE}${container.privileged ? ' [privileged]' : ''}`;
}

function describePort(port: ServicePortAsset): string {
  return `${port.port}${port.nodePort === undefined ? '' : `:${port.nodePort}`}/${port.protocol}`;
}

/** The addresses a Service answers on: its cluster IP (or the name it aliases), its load balancer's, its external IPs. */
function describeAddresses(service: ServiceAsset): string[] {
  const lines = [service.externalName ?? service.clusterIP ?? NONE];
  if (service.type === 'LoadBalancer') {
    const addresses = service.exposure.loadBalancer;
    lines.push(...(addresses.length > 0 ? addresses.map((address) => `lb ${address}`) : ['lb (pending)']));
  }
  lines.push(...service.exposure.externalIPs.map((address) => `external ${address}`));
  return lines;
}

/** `linux/amd64, Ubuntu 24.04.1 LTS, kernel 6.8.0-45-generic, containerd://1.7.20`. */
function describeSystem(node: NodeAsset): string {
  const parts = [`${node.os ?? '?'}/${node.architecture ?? '?'}`];
  if (node.osImage !== undefined) parts.push(node.osImage);
  if (node.kernel !== undefined) parts.push(`kernel ${node.kernel}`);
  if (node.containerRuntime !== undefined) parts.push(node.containerRuntime);
  return parts.join(', ');
}

/** Running pods of desired ones in a cluster; a manifest has no running pods, only the replicas it asks for. */
function podsCell(workload: WorkloadAsset): string {
  if (workload.cluster === undefined) return workload.replicas === undefined ? NONE : String(workload.replicas);
  return workload.replicas === undefined ? String(workload.pods) : `${workload.pods}/${workload.replicas}`;
}

/** The role granted; which binding grants it is in the JSON (the table would wrap it beyond reading). */
function describeGrant(grant: Grant): string {
  return describeRef(grant.role);
}

/** `sha256:` and the first 12 hex digits, as container tools abbreviate image ids; the JSON keeps the whole digest. */
function shortDigest(digest: string | undefined): string {
  if (digest === undefined) return NONE;
  const colon = digest.indexOf(':');
  return colon < 0 ? digest.slice(0, 12) : digest.slice(0, colon + 13);
}

function sections(inventory: AssetInventory, c: Colors): Section[] {
  const clustersOf = (items: readonly AssetOrigin[]) => items.map((item) => item.cluster);
  const warn = (text: CellText): Cell => ({ text, paint: c.yellow });
  const bad = (text: CellText): Cell => ({ text, paint: c.red });
  return [
    {
      title: 'CLUSTERS',
      summary: plural(inventory.clusters.length, 'cluster'),
      columns: [
        { header: 'CONTEXT' }, { header: 'VERSION' }, { header: 'PLATFORM' },
        { header: 'NODES', numeric: true }, { header: 'NAMESPACES', numeric: true }, { header: 'WORKLOADS', numeric: true }, { header: 'PODS', numeric: true },
        { header: 'SERVER', flexible: true },
      ],
      rows: inventory.clusters.map((cluster) => [
        cluster.context,
        orNone(cluster.version),
        `${cluster.distribution}/${cluster.provider}${cluster.managed ? ' (managed)' : ''}`,
        String(cluster.counts.nodes), String(cluster.counts.namespaces), String(cluster.counts.workloads), String(cluster.counts.pods),
        cluster.server,
      ]),
      clusters: [],
    },
    {
      title: 'NODES',
      summary: plural(inventory.nodes.length, 'node'),
      columns: [{ header: 'NAME' }, { header: 'ROLES' }, { header: 'READY' }, { header: 'KUBELET' }, { header: 'INSTANCE TYPE' }, { header: 'SYSTEM', flexible: true }],
      rows: inventory.nodes.map((node) => [
        node.name,
        node.roles.length > 0 ? node.roles.join(',') : NONE,
        node.ready === undefined ? '?' : node.ready ? 'yes' : bad('no'),
        orNone(node.kubeletVersion),
        orNone(node.instanceType),
        describeSystem(node),
      ]),
      clusters: clustersOf(inventory.nodes),
    },
    {
      title: 'NAMESPACES',
      summary: plural(inventory.namespaces.length, 'namespace'),
      columns: [{ header: 'NAME' }, { header: 'ENFORCE' }, { header: 'AUDIT' }, { header: 'WARN' }, { header: 'WORKLOADS', numeric: true }, { header: 'NOTE', flexible: true }],
      rows: inventory.namespaces.map((namespace) => [
        namespace.name,
        orNone(namespace.podSecurity.enforce),
        orNone(namespace.podSecurity.audit),
        orNone(namespace.podSecurity.warn),
        String(namespace.workloads),
        namespace.observed ? '' : 'no Namespace object read',
      ]),
      clusters: clustersOf(inventory.namespaces),
    },
    {
      title: 'WORKLOADS',
      summary: plural(inventory.workloads.length, 'workload'),
      columns: [{ header: 'NAMESPACE' }, { header: 'KIND' }, { header: 'NAME' }, { header: 'PODS', numeric: true }, { header: 'SERVICE ACCOUNT' }, { header: 'CONTAINERS', flexible: true }],
      rows: inventory.workloads.map((workload) => {
        const containers = workload.containers.map(describeContainer);
        return [
          orNone(workload.namespace),
          workload.kind,
          workload.observed ? workload.name : `${workload.name} (not read)`,
          podsCell(workload),
          workload.serviceAccount,
          workload.containers.some((container) => container.privileged) ? bad(containers) : containers,
        ];
      }),
      clusters: clustersOf(inventory.workloads),
    },
    {
      title: 'IMAGES',
      summary: plural(inventory.images.length, 'image'),
      columns: [{ header: 'REGISTRY' }, { header: 'REPOSITORY' }, { header: 'TAG' }, { header: 'DIGEST' }, { header: 'WORKLOADS', flexible: true }],
      rows: inventory.images.map((image) => [image.registry, image.repository, orNone(image.tag), shortDigest(image.digest), listed(image.workloads.map(describeRef))]),
      clusters: clustersOf(inventory.images),
    },
    {
      title: 'REGISTRIES',
      summary: plural(inventory.registries.length, 'registry', 'registries'),
      columns: [{ header: 'HOST' }, { header: 'IMAGES', numeric: true }, { header: 'WORKLOADS', numeric: true }],
      rows: inventory.registries.map((registry) => [registry.host, String(registry.images), String(registry.workloads)]),
      clusters: clustersOf(inventory.registries),
    },
    {
      title: 'SERVICE ACCOUNTS',
      summary: plural(inventory.serviceAccounts.length, 'service account'),
      columns: [{ header: 'NAMESPACE' }, { header: 'NAME' }, { header: 'AUTOMOUNT' }, { header: 'WORKLOADS', flexible: true }],
      rows: inventory.serviceAccounts.map((account) => [
        orNone(account.namespace),
        account.missing ? bad(`${account.name} (missing)`) : account.name,
        account.automountServiceAccountToken === undefined ? 'unset' : account.automountServiceAccountToken ? 'yes' : 'no',
        listed(account.workloads.map(describeRef)),
      ]),
      clusters: clustersOf(inventory.serviceAccounts),
    },
    {
      title: 'RBAC SUBJECTS',
      summary: plural(inventory.subjects.length, 'subject'),
      columns: [{ header: 'KIND' }, { header: 'NAMESPACE' }, { header: 'NAME', flexible: true }, { header: 'ROLES GRANTED', flexible: true }],
      rows: inventory.subjects.map((subject) => [subject.kind, orNone(subject.namespace), subject.name, listed([...new Set(subject.grants.map(describeGrant))])]),
      clusters: clustersOf(inventory.subjects),
    },
    {
      title: 'SERVICES',
      summary: plural(inventory.services.length, 'service'),
      columns: [
        { header: 'NAMESPACE' }, { header: 'NAME' }, { header: 'TYPE' }, { header: 'EXPOSED' }, { header: 'ADDRESSES', flexible: true },
        { header: 'PORTS', flexible: true }, { header: 'WORKLOADS', flexible: true },
      ],
      rows: inventory.services.map((service) => [
        orNone(service.namespace),
        service.name,
        service.type,
        service.exposed ? warn('yes') : 'no',
        describeAddresses(service),
        listed(service.ports.map(describePort)),
        listed(service.workloads.map(describeRef)),
      ]),
      clusters: clustersOf(inventory.services),
    },
    ingressSection(inventory.ingresses, c),
    {
      title: 'SECRETS',
      summary: plural(inventory.secrets.length, 'secret'),
      columns: [{ header: 'NAMESPACE' }, { header: 'NAME' }, { header: 'TYPE' }],
      rows: inventory.secrets.map((secret) => [orNone(secret.namespace), secret.name, secret.type]),
      clusters: clustersOf(inventory.secrets),
    },
  ];
}

/** One row per routing rule: host, TLS, path and where it leads. */
function ingressSection(ingresses: readonly IngressAsset[], c: Colors): Section {
  const rows: Cell[][] = [];
  const clusters: (string | undefined)[] = [];
  for (const ingress of ingresses) {
    const tlsOf = (host: string) => ingress.hosts.find((entry) => entry.host === host)?.tls === true;
    const rules = ingress.rules.length > 0 ? ingress.rules : [{ workloads: [] }];
    for (const rule of rules) {
      const host = rule.host ?? '*';
      const isDefault = rule.host === undefined && rule.path === undefined;
      const backend = rule.service !== undefined ? `${rule.service}${rule.port === undefined ? '' : `:${rule.port}`}` : rule.resource;
      rows.push([
        orNone(ingress.namespace),
        ingress.name,
        orNone(ingress.class),
        host,
        tlsOf(host) ? 'yes' : { text: 'no', paint: c.yellow },
        ingress.rules.length === 0 ? NONE : isDefault ? '(default backend)' : orNone(rule.path),
        orNone(backend),
        listed(rule.workloads.map(describeRef)),
      ]);
      clusters.push(ingress.cluster);
    }
  }
  return {
    title: 'INGRESSES',
    summary: plural(ingresses.length, 'ingress', 'ingresses'),
    columns: [{ header: 'NAMESPACE' }, { header: 'NAME' }, { header: 'CLASS' }, { header: 'HOST' }, { header: 'TLS' }, { header: 'PATH' }, { header: 'BACKEND' }, { header: 'WORKLOADS', flexible: true }],
    rows,
    clusters,
  };
}

/**
 * The inventory for a person: one titled section per asset type with aligned columns. Every string that came from an
 * object is reduced to printable characters. The JSON form holds every field; this one leaves some out to stay
 * readable (full digests, selectors, label values).
 */
export function renderInventoryTable(inventory: AssetInventory, options: InventoryTableOptions): string {
  const c = pc.createColors(options.color);
  const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
  const blocks = sections(inventory, c).map((section) => {
    const heading = `${c.bold(section.title)}  ${c.dim(section.summary)}\n${'-'.repeat(width)}\n`;
    if (section.rows.length === 0) return `${heading}  none\n`;
    const spansClusters = new Set(section.clusters).size > 1;
    const columns = spansClusters ? [{ header: 'CLUSTER' }, ...section.columns] : section.columns;
    const rows = spansClusters ? section.rows.map((row, index) => [section.clusters[index] ?? NONE, ...row]) : section.rows;
    return heading + layoutTable(columns, rows, width, c.dim);
  });
  return blocks.join('\n');
}
