/**
 * Pod templates for the estate's workloads as the API server stores them (defaults filled in): containers with
 * environment, resources, probes and mounts, an occasional sidecar or init container, and a security posture from
 * hardened to host-level, so that the scan meets both clean and failing workloads.
 */
import type { Manifest } from './estate-managed-fields.js';
import type { SeededRandom } from './seeded-random.js';

/** hardened: restricted-profile settings; plain: nothing set; host: a node agent's privileges. */
export type Posture = 'hardened' | 'plain' | 'host';

export interface HostMount {
  name: string;
  path: string;
  mountPath: string;
  readOnly?: boolean;
}

export interface WorkloadSpec {
  name: string;
  namespace: string;
  /** The selector labels; the template carries them and more. */
  selector: Record<string, string>;
  /** Template labels beyond the selector: version, team. */
  labels?: Record<string, string>;
  image: string;
  posture: Posture;
  serviceAccount: string;
  /** Serves HTTP on this port, with probes and a metrics port. */
  port?: number;
  command?: string[];
  configMap?: string;
  secret?: string;
  sidecar?: boolean;
  initContainer?: boolean;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostMounts?: HostMount[];
  priorityClassName?: string;
  /** Runs on every node, tainted or not, as node agents do. */
  tolerateAll?: boolean;
  /** Part of a Helm release, as most add-ons are. */
  helmRelease?: string;
}

export interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
  spec: Manifest;
}

const PLAIN_ENV = [
  ['LOG_LEVEL', ['info', 'debug', 'warn']], ['APP_ENV', ['production', 'staging']], ['HTTP_TIMEOUT', ['30s', '10s', '5s']],
  ['GOMAXPROCS', ['2', '4']], ['OTEL_EXPORTER_OTLP_ENDPOINT', ['http://otel-collector.monitoring:4317']],
  ['FEATURE_FLAGS', ['new-checkout,fast-search', 'beta-ui', '']], ['CACHE_TTL_SECONDS', ['60', '300']],
  ['JAVA_TOOL_OPTIONS', ['-XX:MaxRAMPercentage=75.0 -XX:+UseG1GC']], ['TZ', ['UTC']], ['MAX_CONNECTIONS', ['100', '250']],
] as const;

const FIELD_ENV = [['POD_NAME', 'metadata.name'], ['POD_NAMESPACE', 'metadata.namespace'], ['POD_IP', 'status.podIP'], ['NODE_NAME', 'spec.nodeName']] as const;

function environment(random: SeededRandom, spec: WorkloadSpec): Manifest[] {
  const env: Manifest[] = [];
  if (spec.port !== undefined) env.push({ name: 'PORT', value: String(spec.port) });
  for (const [name, values] of PLAIN_ENV) if (random.chance(0.55)) env.push({ name, value: random.pick(values) });
  for (const [name, fieldPath] of FIELD_ENV) if (random.chance(0.5)) env.push({ name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } });
  if (spec.configMap !== undefined) {
    env.push({ name: 'DATABASE_HOST', valueFrom: { configMapKeyRef: { name: spec.configMap, key: 'database.host' } } });
  }
  if (spec.secret !== undefined) {
    env.push({ name: 'DATABASE_PASSWORD', valueFrom: { secretKeyRef: { name: spec.secret, key: 'password' } } });
    if (random.chance(0.5)) env.push({ name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: spec.secret, key: 'api-token', optional: true } } });
  }
  return env;
}

function resources(random: SeededRandom): Manifest {
  const cpu = random.pick(['50m', '100m', '250m', '500m', '1']);
  const memory = random.pick(['64Mi', '128Mi', '256Mi', '512Mi', '1Gi']);
  switch (random.int(0, 5)) {
    case 0: return {};
    case 1: return { requests: { cpu, memory }, limits: { cpu, memory } };
    default: return { requests: { cpu, memory }, limits: { memory: random.pick(['256Mi', '512Mi', '1Gi', '2Gi']) } };
  }
}

function httpProbe(path: string, initialDelaySeconds: number, failureThreshold = 3): Manifest {
  return {
    httpGet: { path, port: 'http', scheme: 'HTTP' },
    initialDelaySeconds, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold,
  };
}

const HARDENED_CONTAINER = {
  allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true,
  runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' },
};

function containerSecurity(random: SeededRandom, posture: Posture): Manifest | undefined {
  switch (posture) {
    case 'hardened': return HARDENED_CONTAINER;
    case 'host': return { privileged: true };
    case 'plain': return random.chance(0.3) ? { allowPrivilegeEscalation: false } : undefined;
  }
}

const STORED_DEFAULTS = { terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' };

const pullPolicy = (image: string) => (image.endsWith(':latest') || !image.includes(':') ? 'Always' : 'IfNotPresent');

function mainContainer(random: SeededRandom, spec: WorkloadSpec): Manifest {
  const mounts: Manifest[] = [];
  if (spec.posture === 'hardened') mounts.push({ name: 'tmp', mountPath: '/tmp' });
  if (spec.configMap !== undefined) mounts.push({ name: 'config', mountPath: '/etc/app', readOnly: true });
  for (const mount of spec.hostMounts ?? []) mounts.push({ name: mount.name, mountPath: mount.mountPath, ...(mount.readOnly ? { readOnly: true } : {}) });
  const security = containerSecurity(random, spec.posture);
  const name = spec.selector['app.kubernetes.io/name'] ?? spec.name;
  return {
    name,
    image: spec.image,
    ...(spec.command !== undefined ? { command: spec.command } : { args: [`--config=/etc/app/${name}.yaml`] }),
    ...(spec.port !== undefined ? {
      ports: [{ name: 'http', containerPort: spec.port, protocol: 'TCP' }, { name: 'metrics', containerPort: 9090, protocol: 'TCP' }],
    } : {}),
    env: environment(random, spec),
    ...(spec.configMap !== undefined && random.chance(0.3) ? { envFrom: [{ configMapRef: { name: spec.configMap } }] } : {}),
    resources: resources(random),
    ...(spec.port !== undefined ? {
      livenessProbe: httpProbe('/healthz', random.pick([5, 10, 15, 30])),
      readinessProbe: httpProbe('/ready', random.pick([0, 5, 10])),
      ...(random.chance(0.2) ? { startupProbe: httpProbe('/healthz', 0, 30) } : {}),
    } : {}),
    ...(mounts.length > 0 ? { volumeMounts: mounts } : {}),
    ...(security !== undefined ? { securityContext: security } : {}),
    ...STORED_DEFAULTS,
    imagePullPolicy: pullPolicy(spec.image),
  };
}

function sidecar(random: SeededRandom, posture: Posture): Manifest {
  return {
    name: 'envoy',
    image: 'docker.io/envoyproxy/envoy:v1.30.2',
    args: ['--config-path', '/etc/envoy/envoy.yaml', '--log-level', 'warn', '--concurrency', '2'],
    ports: [{ name: 'proxy', containerPort: 15001, protocol: 'TCP' }, { name: 'admin', containerPort: 9901, protocol: 'TCP' }],
    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: random.pick(['128Mi', '256Mi']) } },
    readinessProbe: { httpGet: { path: '/ready', port: 9901, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
    ...(posture === 'hardened' ? { securityContext: HARDENED_CONTAINER } : {}),
    ...STORED_DEFAULTS,
    imagePullPolicy: 'IfNotPresent',
  };
}

function initContainer(spec: WorkloadSpec): Manifest {
  return {
    name: 'wait-for-dependencies',
    image: 'docker.io/library/busybox:1.36.1',
    command: ['sh', '-c', `until nc -z ${spec.name}-db.${spec.namespace}.svc.cluster.local 5432; do echo waiting; sleep 2; done`],
    resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '32Mi' } },
    ...(spec.posture === 'hardened' ? { securityContext: HARDENED_CONTAINER } : {}),
    ...STORED_DEFAULTS,
    imagePullPolicy: 'IfNotPresent',
  };
}

function volumes(spec: WorkloadSpec): Manifest[] {
  const list: Manifest[] = [];
  if (spec.posture === 'hardened') list.push({ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } });
  if (spec.configMap !== undefined) list.push({ name: 'config', configMap: { name: spec.configMap, defaultMode: 420 } });
  for (const mount of spec.hostMounts ?? []) list.push({ name: mount.name, hostPath: { path: mount.path, type: '' } });
  return list;
}

function podSecurity(posture: Posture): Manifest {
  return posture === 'hardened' ? { runAsNonRoot: true, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } } : {};
}

function affinity(spec: WorkloadSpec): Manifest {
  return {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [{
        weight: 100,
        podAffinityTerm: { labelSelector: { matchLabels: spec.selector }, topologyKey: 'kubernetes.io/hostname' },
      }],
    },
  };
}

function annotations(random: SeededRandom, spec: WorkloadSpec): Record<string, string> | undefined {
  const notes: Record<string, string> = {};
  if (spec.port !== undefined && random.chance(0.6)) Object.assign(notes, { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090', 'prometheus.io/path': '/metrics' });
  if (spec.helmRelease !== undefined || random.chance(0.3)) notes['checksum/config'] = random.hex(64);
  if (random.chance(0.2)) notes['kubectl.kubernetes.io/restartedAt'] = `2025-05-${String(random.int(10, 28))}T0${random.int(0, 9)}:${random.int(10, 59)}:00Z`;
  return Object.keys(notes).length > 0 ? notes : undefined;
}

/** The template a controller stamps pods from. Draws from `random` in a fixed order, so a seed fixes it. */
export function podTemplate(random: SeededRandom, spec: WorkloadSpec): PodTemplate {
  const labels = { ...spec.selector, ...spec.labels, ...(spec.helmRelease !== undefined ? { 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': `${spec.helmRelease}-1.4.2` } : {}) };
  const notes = annotations(random, spec);
  const containers = [mainContainer(random, spec)];
  if (spec.sidecar) containers.push(sidecar(random, spec.posture));
  const volumeList = volumes(spec);
  const replicated = spec.port !== undefined && random.chance(0.5);
  return {
    metadata: { labels, ...(notes !== undefined ? { annotations: notes } : {}) },
    spec: {
      ...(spec.initContainer ? { initContainers: [initContainer(spec)] } : {}),
      containers,
      ...(volumeList.length > 0 ? { volumes: volumeList } : {}),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: spec.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
      ...(spec.posture === 'host' ? {} : { nodeSelector: { 'kubernetes.io/os': 'linux' } }),
      serviceAccountName: spec.serviceAccount,
      ...(spec.hostNetwork ? { hostNetwork: true } : {}),
      ...(spec.hostPID ? { hostPID: true } : {}),
      securityContext: podSecurity(spec.posture),
      ...(replicated ? { affinity: affinity(spec) } : {}),
      schedulerName: 'default-scheduler',
      ...(spec.tolerateAll ? { tolerations: [{ operator: 'Exists' }] } : {}),
      ...(spec.priorityClassName !== undefined ? { priorityClassName: spec.priorityClassName } : {}),
    },
  };
}
