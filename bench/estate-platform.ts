/**
 * What a kubeadm cluster runs besides the teams' applications: the control plane as static pods, the add-ons
 * (networking, DNS, ingress, certificates, monitoring, logging) with their services, service accounts and cluster
 * roles, the system namespaces' configuration, and a few pods someone started by hand.
 */
import { barePod, daemonSet, deployment, statefulSet, service, staticPod, type Estate, type ServicePort } from './estate-controllers.js';
import type { Manifest } from './estate-managed-fields.js';
import type { NodeSlot } from './estate-nodes.js';
import {
  clusterRole, clusterRoleBinding, configMap, namespaceObject, pem, randomBase64, secret, serviceAccount, type PolicyRule,
} from './estate-objects.js';
import type { HostMount, Posture, WorkloadSpec } from './estate-templates.js';

export const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease', 'default', 'ingress-nginx', 'cert-manager', 'monitoring', 'logging'];

type Controller = { kind: 'Deployment' | 'StatefulSet'; replicas: number } | { kind: 'DaemonSet' };

interface AddOn {
  name: string;
  namespace: string;
  image: string;
  controller: Controller;
  posture: Posture;
  port?: number;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostMounts?: HostMount[];
  priorityClassName?: string;
  /** The Service in front of it, named after the add-on unless given a name. */
  service?: { name?: string; ports: ServicePort[]; type?: 'ClusterIP' | 'LoadBalancer'; clusterIp?: string; headless?: boolean };
  /** Its ClusterRole; none when empty. */
  rules: PolicyRule[];
}

const READ = ['get', 'list', 'watch'];
const http = (port: number, name = 'http'): ServicePort => ({ name, port, targetPort: 'http' });

const ADD_ONS: AddOn[] = [
  {
    name: 'coredns', namespace: 'kube-system', image: 'registry.k8s.io/coredns/coredns:v1.12.0', controller: { kind: 'Deployment', replicas: 2 },
    posture: 'hardened', port: 8080, priorityClassName: 'system-cluster-critical',
    service: { name: 'kube-dns', clusterIp: '10.96.0.10', ports: [{ name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, targetPort: 53 }, { name: 'metrics', port: 9153, targetPort: 9153 }] },
    rules: [{ apiGroups: [''], resources: ['endpoints', 'services', 'pods', 'namespaces'], verbs: ['list', 'watch'] }, { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch'] }],
  },
  {
    name: 'calico-kube-controllers', namespace: 'kube-system', image: 'docker.io/calico/kube-controllers:v3.28.1', controller: { kind: 'Deployment', replicas: 1 },
    posture: 'plain', priorityClassName: 'system-cluster-critical',
    rules: [{ apiGroups: [''], resources: ['nodes', 'pods', 'namespaces', 'serviceaccounts'], verbs: READ }, { apiGroups: ['crd.projectcalico.org'], resources: ['*'], verbs: ['*'] }],
  },
  {
    name: 'metrics-server', namespace: 'kube-system', image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2', controller: { kind: 'Deployment', replicas: 1 },
    posture: 'hardened', port: 10250, priorityClassName: 'system-cluster-critical', service: { ports: [{ name: 'https', port: 443, targetPort: 'http' }] },
    rules: [{ apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] }, { apiGroups: [''], resources: ['pods', 'nodes'], verbs: READ }],
  },
  {
    name: 'kube-proxy', namespace: 'kube-system', image: 'registry.k8s.io/kube-proxy:v1.33.2', controller: { kind: 'DaemonSet' },
    posture: 'host', hostNetwork: true, priorityClassName: 'system-node-critical',
    hostMounts: [{ name: 'xtables-lock', path: '/run/xtables.lock', mountPath: '/run/xtables.lock' }, { name: 'lib-modules', path: '/lib/modules', mountPath: '/lib/modules', readOnly: true }],
    rules: [],
  },
  {
    name: 'calico-node', namespace: 'kube-system', image: 'docker.io/calico/node:v3.28.1', controller: { kind: 'DaemonSet' },
    posture: 'host', hostNetwork: true, priorityClassName: 'system-node-critical',
    hostMounts: [
      { name: 'lib-modules', path: '/lib/modules', mountPath: '/lib/modules', readOnly: true }, { name: 'var-run-calico', path: '/var/run/calico', mountPath: '/var/run/calico' },
      { name: 'cni-bin-dir', path: '/opt/cni/bin', mountPath: '/host/opt/cni/bin' }, { name: 'cni-net-dir', path: '/etc/cni/net.d', mountPath: '/host/etc/cni/net.d' },
    ],
    rules: [
      { apiGroups: [''], resources: ['pods', 'nodes', 'namespaces'], verbs: ['get'] }, { apiGroups: [''], resources: ['endpoints', 'services'], verbs: ['watch', 'list', 'get'] },
      { apiGroups: [''], resources: ['nodes/status'], verbs: ['patch', 'update'] }, { apiGroups: ['crd.projectcalico.org'], resources: ['*'], verbs: ['*'] },
    ],
  },
  {
    name: 'ingress-nginx-controller', namespace: 'ingress-nginx', image: 'registry.k8s.io/ingress-nginx/controller:v1.11.3', controller: { kind: 'Deployment', replicas: 3 },
    posture: 'plain', port: 80, service: { type: 'LoadBalancer', ports: [http(80), { name: 'https', port: 443, targetPort: 443 }] },
    rules: [
      { apiGroups: [''], resources: ['configmaps', 'endpoints', 'nodes', 'pods', 'secrets', 'namespaces'], verbs: ['list', 'watch'] },
      { apiGroups: [''], resources: ['services'], verbs: READ }, { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'ingressclasses'], verbs: READ },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'] },
    ],
  },
  {
    name: 'cert-manager', namespace: 'cert-manager', image: 'quay.io/jetstack/cert-manager-controller:v1.15.3', controller: { kind: 'Deployment', replicas: 1 },
    posture: 'hardened', port: 9402,
    rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch', 'create', 'update', 'delete', 'patch'] }, { apiGroups: ['cert-manager.io', 'acme.cert-manager.io'], resources: ['*'], verbs: ['*'] }],
  },
  {
    name: 'cert-manager-cainjector', namespace: 'cert-manager', image: 'quay.io/jetstack/cert-manager-cainjector:v1.15.3', controller: { kind: 'Deployment', replicas: 1 },
    posture: 'hardened',
    rules: [{ apiGroups: [''], resources: ['secrets'], verbs: READ }, { apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'], verbs: ['get', 'list', 'watch', 'update', 'patch'] }],
  },
  {
    name: 'cert-manager-webhook', namespace: 'cert-manager', image: 'quay.io/jetstack/cert-manager-webhook:v1.15.3', controller: { kind: 'Deployment', replicas: 1 },
    posture: 'hardened', port: 10250, service: { ports: [{ name: 'https', port: 443, targetPort: 'http' }] },
    rules: [{ apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] }],
  },
  {
    name: 'kube-state-metrics', namespace: 'monitoring', image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0', controller: { kind: 'Deployment', replicas: 1 },
    posture: 'hardened', port: 8080, service: { ports: [http(8080)] },
    rules: [{ apiGroups: ['', 'apps', 'batch', 'networking.k8s.io', 'policy', 'storage.k8s.io'], resources: ['*'], verbs: ['list', 'watch'] }],
  },
  {
    name: 'prometheus-operator', namespace: 'monitoring', image: 'quay.io/prometheus-operator/prometheus-operator:v0.76.1', controller: { kind: 'Deployment', replicas: 1 },
    posture: 'hardened', port: 8080,
    rules: [
      { apiGroups: ['monitoring.coreos.com'], resources: ['*'], verbs: ['*'] }, { apiGroups: ['apps'], resources: ['statefulsets'], verbs: ['*'] },
      { apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: ['*'] }, { apiGroups: [''], resources: ['pods'], verbs: ['list', 'delete'] },
      { apiGroups: [''], resources: ['services', 'services/finalizers', 'endpoints'], verbs: ['get', 'create', 'update', 'delete'] },
      { apiGroups: [''], resources: ['nodes', 'namespaces'], verbs: ['list', 'watch'] },
    ],
  },
  {
    name: 'grafana', namespace: 'monitoring', image: 'docker.io/grafana/grafana:11.2.0', controller: { kind: 'Deployment', replicas: 1 },
    posture: 'plain', port: 3000, service: { ports: [http(80)] },
    rules: [{ apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: READ }],
  },
  {
    name: 'prometheus-k8s', namespace: 'monitoring', image: 'quay.io/prometheus/prometheus:v2.54.1', controller: { kind: 'StatefulSet', replicas: 2 },
    posture: 'hardened', port: 9090, service: { ports: [http(9090, 'web')] },
    rules: [
      { apiGroups: [''], resources: ['nodes', 'nodes/metrics', 'services', 'endpoints', 'pods'], verbs: READ },
      { nonResourceURLs: ['/metrics'], verbs: ['get'] },
    ],
  },
  {
    name: 'alertmanager-main', namespace: 'monitoring', image: 'quay.io/prometheus/alertmanager:v0.27.0', controller: { kind: 'StatefulSet', replicas: 3 },
    posture: 'hardened', port: 9093, service: { ports: [http(9093, 'web')] }, rules: [],
  },
  {
    name: 'node-exporter', namespace: 'monitoring', image: 'quay.io/prometheus/node-exporter:v1.8.2', controller: { kind: 'DaemonSet' },
    posture: 'plain', port: 9100, hostNetwork: true, hostPID: true, service: { ports: [http(9100)], headless: true },
    hostMounts: [{ name: 'proc', path: '/proc', mountPath: '/host/proc', readOnly: true }, { name: 'sys', path: '/sys', mountPath: '/host/sys', readOnly: true }, { name: 'root', path: '/', mountPath: '/host/root', readOnly: true }],
    rules: [{ apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] }, { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] }],
  },
  {
    name: 'fluent-bit', namespace: 'logging', image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', controller: { kind: 'DaemonSet' },
    posture: 'plain', port: 2020,
    hostMounts: [{ name: 'varlog', path: '/var/log', mountPath: '/var/log' }, { name: 'containerd', path: '/var/lib/containerd', mountPath: '/var/lib/containerd', readOnly: true }],
    rules: [{ apiGroups: [''], resources: ['namespaces', 'pods'], verbs: READ }, { apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }],
  },
];

const CONTROL_PLANE = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
/** Pods started by hand: a debug shell, a node debugger, a one-off migration in the first team namespace. */
const BARE_PODS = 3;

/** How many pods the platform runs on a cluster of `nodes` nodes. */
export function platformPods(nodes: readonly NodeSlot[]): number {
  const addOns = ADD_ONS.reduce((sum, addOn) => sum + (addOn.controller.kind === 'DaemonSet' ? nodes.length : addOn.controller.replicas), 0);
  return CONTROL_PLANE.length * nodes.filter((node) => node.controlPlane).length + addOns + BARE_PODS;
}

const PKI = '/etc/kubernetes/pki';

function controlPlaneCommand(component: (typeof CONTROL_PLANE)[number], node: NodeSlot): string[] {
  switch (component) {
    case 'etcd':
      return ['etcd', `--advertise-client-urls=https://${node.ip}:2379`, `--cert-file=${PKI}/etcd/server.crt`, '--client-cert-auth=true', '--data-dir=/var/lib/etcd',
        `--initial-advertise-peer-urls=https://${node.ip}:2380`, `--key-file=${PKI}/etcd/server.key`, `--listen-client-urls=https://127.0.0.1:2379,https://${node.ip}:2379`,
        `--name=${node.name}`, `--peer-cert-file=${PKI}/etcd/peer.crt`, '--peer-client-cert-auth=true', `--peer-key-file=${PKI}/etcd/peer.key`,
        `--peer-trusted-ca-file=${PKI}/etcd/ca.crt`, '--snapshot-count=10000', `--trusted-ca-file=${PKI}/etcd/ca.crt`];
    case 'kube-apiserver':
      return ['kube-apiserver', `--advertise-address=${node.ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', `--client-ca-file=${PKI}/ca.crt`,
        '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true', `--etcd-cafile=${PKI}/etcd/ca.crt`,
        `--etcd-certfile=${PKI}/apiserver-etcd-client.crt`, `--etcd-keyfile=${PKI}/apiserver-etcd-client.key`, '--etcd-servers=https://127.0.0.1:2379',
        `--kubelet-client-certificate=${PKI}/apiserver-kubelet-client.crt`, `--kubelet-client-key=${PKI}/apiserver-kubelet-client.key`,
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', `--proxy-client-cert-file=${PKI}/front-proxy-client.crt`,
        `--proxy-client-key-file=${PKI}/front-proxy-client.key`, '--requestheader-allowed-names=front-proxy-client', `--requestheader-client-ca-file=${PKI}/front-proxy-ca.crt`,
        '--requestheader-extra-headers-prefix=X-Remote-Extra-', '--requestheader-group-headers=X-Remote-Group', '--requestheader-username-headers=X-Remote-User',
        '--secure-port=6443', '--service-account-issuer=https://kubernetes.default.svc.cluster.local', `--service-account-key-file=${PKI}/sa.pub`,
        `--service-account-signing-key-file=${PKI}/sa.key`, '--service-cluster-ip-range=10.96.0.0/12', `--tls-cert-file=${PKI}/apiserver.crt`, `--tls-private-key-file=${PKI}/apiserver.key`];
    case 'kube-controller-manager':
      return ['kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1', `--client-ca-file=${PKI}/ca.crt`, '--cluster-cidr=10.244.0.0/16',
        '--cluster-name=kubernetes', `--cluster-signing-cert-file=${PKI}/ca.crt`, `--cluster-signing-key-file=${PKI}/ca.key`, '--controllers=*,bootstrapsigner,tokencleaner',
        '--kubeconfig=/etc/kubernetes/controller-manager.conf', '--leader-elect=true', `--requestheader-client-ca-file=${PKI}/front-proxy-ca.crt`,
        `--root-ca-file=${PKI}/ca.crt`, `--service-account-private-key-file=${PKI}/sa.key`, '--service-cluster-ip-range=10.96.0.0/12', '--use-service-account-credentials=true'];
    case 'kube-scheduler':
      return ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'];
  }
}

function controlPlane(estate: Estate): void {
  for (const node of estate.nodes.filter((slot) => slot.controlPlane)) {
    for (const component of CONTROL_PLANE) {
      const spec: WorkloadSpec = {
        name: component, namespace: 'kube-system', selector: { component, tier: 'control-plane' }, image: `registry.k8s.io/${component}:${component === 'etcd' ? '3.5.21-0' : 'v1.33.2'}`,
        posture: 'plain', serviceAccount: 'default', command: controlPlaneCommand(component, node), hostNetwork: true, priorityClassName: 'system-node-critical',
        hostMounts: [{ name: 'k8s-certs', path: PKI, mountPath: PKI, readOnly: true }, { name: 'ca-certs', path: '/etc/ssl/certs', mountPath: '/etc/ssl/certs', readOnly: true },
          ...(component === 'etcd' ? [{ name: 'etcd-data', path: '/var/lib/etcd', mountPath: '/var/lib/etcd' }] : [])],
      };
      const endpoint: Record<string, string> = component === 'kube-apiserver' ? { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${node.ip}:6443` }
        : component === 'etcd' ? { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${node.ip}:2379` } : {};
      staticPod(estate, spec, node, endpoint);
    }
  }
}

/** The Helm release records of an add-on: the deployed revision and the ones it superseded. */
function helmReleases(estate: Estate, release: string, namespace: string, createdAt: number): Manifest[] {
  const revisions = estate.random.int(1, 4);
  return Array.from({ length: revisions }, (_, index) => secret(estate.random, `sh.helm.release.v1.${release}.v${index + 1}`, namespace, createdAt + index * 86_400,
    'helm.sh/release.v1', { release: randomBase64(estate.random, estate.random.int(6_000, 16_000)) },
    { name: release, owner: 'helm', status: index === revisions - 1 ? 'deployed' : 'superseded', version: String(index + 1) }));
}

function addOn(estate: Estate, plan: AddOn): void {
  const { random } = estate;
  const createdAt = random.int(3_600, 86_400);
  const spec: WorkloadSpec = {
    name: plan.name, namespace: plan.namespace, selector: { 'app.kubernetes.io/name': plan.name }, image: plan.image, posture: plan.posture, serviceAccount: plan.name,
    helmRelease: plan.name, tolerateAll: plan.controller.kind === 'DaemonSet',
    ...(plan.port !== undefined ? { port: plan.port } : {}),
    ...(plan.hostNetwork ? { hostNetwork: true } : {}), ...(plan.hostPID ? { hostPID: true } : {}),
    ...(plan.hostMounts ? { hostMounts: plan.hostMounts } : {}), ...(plan.priorityClassName ? { priorityClassName: plan.priorityClassName } : {}),
  };
  const options = { manager: 'helm' as const, createdAt, release: plan.name };
  const serviceName = plan.service?.name ?? plan.name;
  const pods = plan.controller.kind === 'Deployment' ? deployment(estate, spec, plan.controller.replicas, options)
    : plan.controller.kind === 'StatefulSet' ? statefulSet(estate, spec, plan.controller.replicas, serviceName, options)
    : daemonSet(estate, spec, options);
  if (plan.service) {
    service(estate, serviceName, plan.namespace, spec.selector, plan.service.ports, pods, {
      createdAt, manager: 'helm', release: plan.name,
      ...(plan.service.type ? { type: plan.service.type } : {}), ...(plan.service.clusterIp ? { clusterIp: plan.service.clusterIp } : {}),
      ...(plan.service.headless ? { headless: true } : {}),
    });
  }
  estate.add(serviceAccount(random, plan.name, plan.namespace, createdAt, { 'app.kubernetes.io/name': plan.name }));
  if (plan.rules.length > 0) {
    estate.add(clusterRole(random, plan.name, createdAt, plan.rules, { 'app.kubernetes.io/name': plan.name }));
    estate.add(clusterRoleBinding(random, plan.name, createdAt, plan.name, [{ kind: 'ServiceAccount', name: plan.name, namespace: plan.namespace }]));
  }
  estate.add(...helmReleases(estate, plan.name, plan.namespace, createdAt));
}

/** The controllers' service accounts, which the bootstrap controller role bindings name. */
const CONTROLLER_ACCOUNTS = [
  'attachdetach-controller', 'bootstrap-signer', 'certificate-controller', 'clusterrole-aggregation-controller', 'cronjob-controller', 'daemon-set-controller',
  'deployment-controller', 'disruption-controller', 'endpoint-controller', 'endpointslice-controller', 'endpointslicemirroring-controller',
  'ephemeral-volume-controller', 'expand-controller', 'generic-garbage-collector', 'horizontal-pod-autoscaler', 'job-controller', 'namespace-controller',
  'node-controller', 'persistent-volume-binder', 'pod-garbage-collector', 'pv-protection-controller', 'pvc-protection-controller', 'replicaset-controller',
  'replication-controller', 'resourcequota-controller', 'root-ca-cert-publisher', 'service-account-controller', 'statefulset-controller', 'token-cleaner',
  'ttl-after-finished-controller', 'ttl-controller',
];

function systemConfiguration(estate: Estate): void {
  const { random } = estate;
  const controlPlanes = estate.nodes.filter((node) => node.controlPlane);
  const ca = pem(random);
  estate.add(
    configMap(random, 'kubeadm-config', 'kube-system', 60, {
      ClusterConfiguration: 'apiServer: {}\napiVersion: kubeadm.k8s.io/v1beta4\ncertificatesDir: /etc/kubernetes/pki\nclusterName: kubernetes\n'
        + `controlPlaneEndpoint: ${controlPlanes[0]?.ip ?? '10.0.0.10'}:6443\ncontrollerManager: {}\ndns: {}\nencryptionAlgorithm: RSA-2048\n`
        + 'etcd:\n  local:\n    dataDir: /var/lib/etcd\nimageRepository: registry.k8s.io\nkind: ClusterConfiguration\nkubernetesVersion: v1.33.2\n'
        + 'networking:\n  dnsDomain: cluster.local\n  podSubnet: 10.244.0.0/16\n  serviceSubnet: 10.96.0.0/12\nproxy: {}\nscheduler: {}\n',
    }),
    configMap(random, 'kubelet-config', 'kube-system', 60, {
      kubelet: 'apiVersion: kubelet.config.k8s.io/v1beta1\nauthentication:\n  anonymous:\n    enabled: false\n  webhook:\n    cacheTTL: 0s\n    enabled: true\n'
        + '  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\nauthorization:\n  mode: Webhook\ncgroupDriver: systemd\nclusterDNS:\n- 10.96.0.10\n'
        + 'clusterDomain: cluster.local\nkind: KubeletConfiguration\nmaxPods: 250\nrotateCertificates: true\nstaticPodPath: /etc/kubernetes/manifests\n',
    }),
    configMap(random, 'kube-proxy', 'kube-system', 60, { 'config.conf': 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclusterCIDR: 10.244.0.0/16\nmode: ipvs\n', 'kubeconfig.conf': 'apiVersion: v1\nkind: Config\n' }),
    configMap(random, 'coredns', 'kube-system', 60, { Corefile: '.:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n' }),
    configMap(random, 'extension-apiserver-authentication', 'kube-system', 60, { 'client-ca-file': ca, 'requestheader-client-ca-file': pem(random), 'requestheader-allowed-names': '["front-proxy-client"]' }),
    configMap(random, 'cluster-info', 'kube-public', 60, { kubeconfig: `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${Buffer.from(ca).toString('base64')}\n    server: https://${controlPlanes[0]?.ip ?? '10.0.0.10'}:6443\n  name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\n` }),
    secret(random, `bootstrap-token-${random.nameSuffix(6)}`, 'kube-system', 60, 'bootstrap.kubernetes.io/token', {
      'auth-extra-groups': Buffer.from('system:bootstrappers:kubeadm:default-node-token').toString('base64'), expiration: Buffer.from('2025-03-02T00:00:00Z').toString('base64'),
      'token-id': randomBase64(random, 4), 'token-secret': randomBase64(random, 12), 'usage-bootstrap-authentication': 'dHJ1ZQ==', 'usage-bootstrap-signing': 'dHJ1ZQ==',
    }),
    secret(random, 'cert-manager-webhook-ca', 'cert-manager', 3_600, 'kubernetes.io/tls', { 'ca.crt': Buffer.from(pem(random)).toString('base64'), 'tls.crt': Buffer.from(pem(random)).toString('base64'), 'tls.key': Buffer.from(pem(random, 'PRIVATE KEY', 1200)).toString('base64') }),
    ...CONTROLLER_ACCOUNTS.map((name) => serviceAccount(random, name, 'kube-system', 60)),
  );
  const port = { name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 };
  estate.add({
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', uid: random.uuid(), creationTimestamp: '2025-03-01T00:00:00Z', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [port], sessionAffinity: 'None', type: 'ClusterIP' },
    status: { loadBalancer: {} },
  }, {
    apiVersion: 'v1', kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', uid: random.uuid(), creationTimestamp: '2025-03-01T00:00:00Z', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: controlPlanes.map((node) => ({ ip: node.ip })), ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  }, {
    apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
    metadata: { name: 'nginx', uid: random.uuid(), creationTimestamp: '2025-03-01T02:00:00Z', labels: { 'app.kubernetes.io/name': 'ingress-nginx' }, annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
    spec: { controller: 'k8s.io/ingress-nginx' },
  });
}

function handStartedPods(estate: Estate, firstTeam: string | undefined): void {
  barePod(estate, { name: 'debug-shell', namespace: 'default', selector: { run: 'debug-shell' }, image: 'docker.io/nicolaka/netshoot:latest', posture: 'plain', serviceAccount: 'default', command: ['sleep', 'infinity'] });
  const node = estate.nodes[estate.nodes.length - 1]!.name;
  barePod(estate, {
    name: `node-debugger-${node}-${estate.random.nameSuffix(5)}`, namespace: 'kube-system', selector: { run: 'node-debugger' }, image: 'docker.io/library/busybox:1.36.1',
    posture: 'host', serviceAccount: 'default', command: ['chroot', '/host'], hostNetwork: true, hostPID: true, hostMounts: [{ name: 'host-root', path: '/', mountPath: '/host' }],
  });
  barePod(estate, {
    name: 'db-migrate-manual', namespace: firstTeam ?? 'default', selector: { run: 'db-migrate-manual' }, image: 'registry.example.com/tools/migrate:4.17.1', posture: 'plain',
    serviceAccount: 'default', command: ['migrate', '-path', '/migrations', 'up'],
  });
}

/** Writes the platform into the estate; the namespaces come first, every other namespace's defaults are the caller's. */
export function platform(estate: Estate, firstTeam: string | undefined): void {
  controlPlane(estate);
  for (const plan of ADD_ONS) addOn(estate, plan);
  systemConfiguration(estate);
  handStartedPods(estate, firstTeam);
}

/** Pod Security labels on the add-ons' namespaces: node agents need privileged, the rest baseline; core namespaces carry none. */
const POD_SECURITY: Record<string, string> = { 'ingress-nginx': 'baseline', 'cert-manager': 'baseline', monitoring: 'privileged', logging: 'privileged' };

export function systemNamespace(estate: Estate, name: string): Manifest {
  const level = POD_SECURITY[name];
  return namespaceObject(estate.random, name, 0, level === undefined ? {} : { 'pod-security.kubernetes.io/enforce': level });
}
