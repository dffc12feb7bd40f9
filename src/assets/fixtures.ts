/**
 * A small kubeadm cluster, `lab`, as a read of its API would return it: two nodes (a Linux control plane and a
 * Windows worker), a shop and a monitoring namespace, a Deployment with its ReplicaSets and Pods, a StatefulSet, a
 * CronJob with its Job and Pod, a DaemonSet, a static pod, a bare pod with an ephemeral container, services of every
 * type, two ingresses (one without TLS), service accounts, bindings to users, groups and service accounts, and
 * secrets whose data must never reach the inventory.
 */
import { loadAll } from 'js-yaml';
import type { ClusterFacts } from '../model/cluster.js';
import type { K8sObject } from '../model/k8s.js';

export const LAB: ClusterFacts = {
  context: 'lab',
  server: 'https://192.168.10.11:6443',
  serverVersion: 'v1.31.1',
  servedVersions: ['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'rbac.authorization.k8s.io/v1'],
  platform: { distribution: 'kubeadm', provider: 'unknown', managed: false, evidence: ['configmap kube-system/kubeadm-config'] },
};

export const REPORT_DIGEST = 'sha256:4f1c3e3b9a2d7c5e8f6a1b0d9c8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e';

/** Values of the estate's secrets: none of them may appear in any rendering of the inventory. */
export const SECRET_VALUES = ['LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t', 'cG9zdGdyZXM6aHVudGVyMg==', 'hunter2-stringdata', 'eyJhbGciOiJSUzI1NiJ9.token'];

const ESTATE = `
apiVersion: v1
kind: Node
metadata:
  name: cp-1
  labels:
    kubernetes.io/hostname: cp-1
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    node-role.kubernetes.io/control-plane: ""
    node.kubernetes.io/exclude-from-external-load-balancers: ""
spec:
  podCIDR: 10.244.0.0/24
  taints:
    - { key: node-role.kubernetes.io/control-plane, effect: NoSchedule }
status:
  conditions:
    - { type: MemoryPressure, status: "False" }
    - { type: Ready, status: "True", reason: KubeletReady }
  nodeInfo:
    architecture: amd64
    containerRuntimeVersion: containerd://1.7.20
    kernelVersion: 6.8.0-45-generic
    kubeletVersion: v1.31.1
    operatingSystem: linux
    osImage: Ubuntu 24.04.1 LTS
---
apiVersion: v1
kind: Node
metadata:
  name: win-1
  labels:
    kubernetes.io/hostname: win-1
    kubernetes.io/os: windows
    kubernetes.io/arch: amd64
    node-role.kubernetes.io/windows-worker: ""
    node.kubernetes.io/instance-type: Standard_D4s_v5
spec:
  podCIDR: 10.244.1.0/24
status:
  conditions:
    - { type: Ready, status: "False", reason: KubeletNotReady }
  nodeInfo:
    architecture: amd64
    containerRuntimeVersion: containerd://1.6.28
    kernelVersion: 10.0.20348.2582
    kubeletVersion: v1.31.1
    operatingSystem: windows
    osImage: Windows Server 2022 Datacenter
---
apiVersion: v1
kind: Namespace
metadata: { name: default }
---
apiVersion: v1
kind: Namespace
metadata: { name: kube-system }
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    kubernetes.io/metadata.name: shop
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/audit: restricted
    pod-security.kubernetes.io/warn: restricted
---
apiVersion: v1
kind: Namespace
metadata:
  name: monitoring
  labels:
    pod-security.kubernetes.io/enforce: privileged
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop, labels: { app: web } }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web, tier: frontend } }
    spec:
      serviceAccountName: web
      initContainers:
        - { name: migrate, image: ghcr.io/acme/web-migrate:2.4.1 }
      containers:
        - { name: web, image: ghcr.io/acme/web:2.4.1, ports: [{ containerPort: 8080 }] }
        - { name: envoy, image: envoyproxy/envoy:v1.31.0 }
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-7d9c8b6f5
  namespace: shop
  labels: { app: web, pod-template-hash: 7d9c8b6f5 }
  ownerReferences:
    - { apiVersion: apps/v1, kind: Deployment, name: web, uid: 1f0e, controller: true, blockOwnerDeletion: true }
spec:
  replicas: 3
  template:
    metadata: { labels: { app: web, tier: frontend, pod-template-hash: 7d9c8b6f5 } }
    spec:
      serviceAccountName: web
      containers:
        - { name: web, image: ghcr.io/acme/web:2.4.1 }
        - { name: envoy, image: envoyproxy/envoy:v1.31.0 }
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-5f6d7c8b9
  namespace: shop
  ownerReferences:
    - { apiVersion: apps/v1, kind: Deployment, name: web, uid: 1f0e, controller: true }
spec:
  replicas: 0
  template:
    metadata: { labels: { app: web, pod-template-hash: 5f6d7c8b9 } }
    spec:
      containers:
        - { name: web, image: ghcr.io/acme/web:2.3.0 }
---
apiVersion: v1
kind: Pod
metadata:
  name: web-7d9c8b6f5-abcde
  namespace: shop
  labels: { app: web, tier: frontend, pod-template-hash: 7d9c8b6f5 }
  ownerReferences:
    - { apiVersion: apps/v1, kind: ReplicaSet, name: web-7d9c8b6f5, uid: 2a1b, controller: true }
spec:
  serviceAccountName: web
  nodeName: cp-1
  containers:
    - { name: web, image: ghcr.io/acme/web:2.4.1 }
    - { name: envoy, image: envoyproxy/envoy:v1.31.0 }
---
apiVersion: v1
kind: Pod
metadata:
  name: web-7d9c8b6f5-fghij
  namespace: shop
  labels: { app: web, tier: frontend, pod-template-hash: 7d9c8b6f5 }
  ownerReferences:
    - { apiVersion: apps/v1, kind: ReplicaSet, name: web-7d9c8b6f5, uid: 2a1b, controller: true }
spec:
  serviceAccountName: web
  containers:
    - { name: web, image: ghcr.io/acme/web:2.4.1 }
    - { name: envoy, image: envoyproxy/envoy:v1.31.0 }
  ephemeralContainers:
    - { name: debugger-x1y2z, image: busybox:1.37 }
---
apiVersion: v1
kind: Pod
metadata:
  name: web-7d9c8b6f5-klmno
  namespace: shop
  labels: { app: web, tier: frontend, pod-template-hash: 7d9c8b6f5 }
  ownerReferences:
    - { apiVersion: apps/v1, kind: ReplicaSet, name: web-7d9c8b6f5, uid: 2a1b, controller: true }
spec:
  serviceAccountName: web
  containers:
    - { name: web, image: ghcr.io/acme/web:2.4.1 }
    - { name: envoy, image: envoyproxy/envoy:v1.31.0 }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: postgres, namespace: shop }
spec:
  serviceName: postgres
  selector: { matchLabels: { app: postgres } }
  template:
    metadata: { labels: { app: postgres } }
    spec:
      containers:
        - { name: postgres, image: postgres:16.4 }
---
apiVersion: v1
kind: Pod
metadata:
  name: postgres-0
  namespace: shop
  labels: { app: postgres, statefulset.kubernetes.io/pod-name: postgres-0 }
  ownerReferences:
    - { apiVersion: apps/v1, kind: StatefulSet, name: postgres, uid: 3c2d, controller: true }
spec:
  containers:
    - { name: postgres, image: postgres:16.4 }
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly-report, namespace: shop }
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        metadata: { labels: { app: report } }
        spec:
          serviceAccountName: report-writer
          restartPolicy: OnFailure
          containers:
            - { name: report, image: "ghcr.io/acme/report@${REPORT_DIGEST}" }
---
apiVersion: batch/v1
kind: Job
metadata:
  name: nightly-report-28765432
  namespace: shop
  ownerReferences:
    - { apiVersion: batch/v1, kind: CronJob, name: nightly-report, uid: 4d3e, controller: true }
spec:
  template:
    metadata: { labels: { app: report } }
    spec:
      serviceAccountName: report-writer
      restartPolicy: OnFailure
      containers:
        - { name: report, image: "ghcr.io/acme/report@${REPORT_DIGEST}" }
---
apiVersion: v1
kind: Pod
metadata:
  name: nightly-report-28765432-x7k2p
  namespace: shop
  labels: { app: report, job-name: nightly-report-28765432 }
  ownerReferences:
    - { apiVersion: batch/v1, kind: Job, name: nightly-report-28765432, uid: 5e4f, controller: true }
spec:
  serviceAccountName: report-writer
  containers:
    - { name: report, image: "ghcr.io/acme/report@${REPORT_DIGEST}" }
---
apiVersion: v1
kind: Pod
metadata: { name: debug-shell, namespace: shop, labels: { run: debug-shell } }
spec:
  containers:
    - { name: shell, image: busybox:1.36, command: [sleep, infinity] }
  ephemeralContainers:
    - { name: debugger-abc12, image: busybox:1.36 }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: node-exporter, namespace: monitoring }
spec:
  selector: { matchLabels: { app: node-exporter } }
  template:
    metadata: { labels: { app: node-exporter } }
    spec:
      serviceAccountName: node-exporter
      hostNetwork: true
      hostPID: true
      containers:
        - name: node-exporter
          image: quay.io/prometheus/node-exporter:v1.8.2
          securityContext: { privileged: true }
status:
  desiredNumberScheduled: 2
  numberReady: 1
---
apiVersion: v1
kind: Pod
metadata:
  name: node-exporter-aaaaa
  namespace: monitoring
  labels: { app: node-exporter }
  ownerReferences:
    - { apiVersion: apps/v1, kind: DaemonSet, name: node-exporter, uid: 6f5a, controller: true }
spec:
  serviceAccountName: node-exporter
  containers:
    - { name: node-exporter, image: quay.io/prometheus/node-exporter:v1.8.2, securityContext: { privileged: true } }
---
apiVersion: v1
kind: Pod
metadata:
  name: node-exporter-bbbbb
  namespace: monitoring
  labels: { app: node-exporter }
  ownerReferences:
    - { apiVersion: apps/v1, kind: DaemonSet, name: node-exporter, uid: 6f5a, controller: true }
spec:
  serviceAccountName: node-exporter
  containers:
    - { name: node-exporter, image: quay.io/prometheus/node-exporter:v1.8.2, securityContext: { privileged: true } }
---
apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver-cp-1
  namespace: kube-system
  labels: { component: kube-apiserver, tier: control-plane }
  annotations:
    kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: 192.168.10.11:6443
    kubernetes.io/config.mirror: 9a8b7c6d
    kubernetes.io/config.source: file
  ownerReferences:
    - { apiVersion: v1, kind: Node, name: cp-1, uid: 7a6b, controller: true }
spec:
  hostNetwork: true
  containers:
    - { name: kube-apiserver, image: registry.k8s.io/kube-apiserver:v1.31.1 }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: default }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: kube-system }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: shop }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: web, namespace: shop }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: unused, namespace: shop }
automountServiceAccountToken: true
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: monitoring }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: node-exporter, namespace: monitoring }
automountServiceAccountToken: false
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  type: ClusterIP
  clusterIP: 10.96.12.34
  selector: { app: web }
  ports:
    - { name: http, port: 80, targetPort: 8080, protocol: TCP }
---
apiVersion: v1
kind: Service
metadata: { name: web-public, namespace: shop }
spec:
  type: LoadBalancer
  clusterIP: 10.96.40.1
  selector: { app: web, tier: frontend }
  ports:
    - { name: https, port: 443, targetPort: https, protocol: TCP, nodePort: 31443 }
status:
  loadBalancer:
    ingress:
      - { ip: 203.0.113.10 }
---
apiVersion: v1
kind: Service
metadata: { name: postgres, namespace: shop }
spec:
  clusterIP: None
  selector: { app: postgres }
  ports:
    - { port: 5432 }
---
apiVersion: v1
kind: Service
metadata: { name: payments-api, namespace: shop }
spec:
  type: ExternalName
  externalName: payments.example.com
---
apiVersion: v1
kind: Service
metadata: { name: legacy-gateway, namespace: shop }
spec:
  type: ClusterIP
  clusterIP: 10.96.7.7
  externalIPs: [198.51.100.7]
  selector: { app: gateway }
  ports:
    - { port: 8443, protocol: TCP }
---
apiVersion: v1
kind: Service
metadata: { name: node-exporter, namespace: monitoring }
spec:
  type: NodePort
  clusterIP: 10.96.91.0
  selector: { app: node-exporter }
  ports:
    - { name: metrics, port: 9100, targetPort: 9100, nodePort: 30910 }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: storefront, namespace: shop }
spec:
  ingressClassName: nginx
  tls:
    - hosts: [shop.example.com]
      secretName: storefront-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
          - { path: /pay, pathType: Prefix, backend: { service: { name: payments-api, port: { name: https } } } }
status:
  loadBalancer:
    ingress:
      - { hostname: lb-1234.example.net }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: status
  namespace: shop
  annotations: { kubernetes.io/ingress.class: nginx }
spec:
  defaultBackend:
    service: { name: web, port: { number: 80 } }
  rules:
    - host: status.example.com
      http:
        paths:
          - { path: /health, pathType: Exact, backend: { service: { name: status-page, port: { number: 8080 } } } }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: cluster-admins }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects:
  - { apiGroup: rbac.authorization.k8s.io, kind: Group, name: platform-admins }
  - { apiGroup: rbac.authorization.k8s.io, kind: User, name: alice@example.com }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: web-config-reader, namespace: shop }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: config-reader }
subjects:
  - { kind: ServiceAccount, name: web }
  - { apiGroup: rbac.authorization.k8s.io, kind: User, name: bob@example.com }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: metrics-view, namespace: monitoring }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects:
  - { kind: ServiceAccount, name: node-exporter, namespace: monitoring }
  - { apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:serviceaccounts:shop" }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: node-exporter-metrics }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects:
  - { kind: ServiceAccount, name: node-exporter, namespace: monitoring }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: config-reader, namespace: shop }
rules:
  - { apiGroups: [""], resources: [configmaps], verbs: [get, list] }
---
apiVersion: v1
kind: Secret
metadata: { name: storefront-tls, namespace: shop }
type: kubernetes.io/tls
data:
  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
  tls.key: ${SECRET_VALUES[0]}
---
apiVersion: v1
kind: Secret
metadata: { name: db-credentials, namespace: shop }
data:
  url: ${SECRET_VALUES[1]}
stringData:
  password: ${SECRET_VALUES[2]}
---
apiVersion: v1
kind: Secret
metadata:
  name: node-exporter-token
  namespace: monitoring
  annotations: { kubernetes.io/service-account.name: node-exporter }
type: kubernetes.io/service-account-token
data:
  token: ${SECRET_VALUES[3]}
---
apiVersion: v1
kind: ConfigMap
metadata: { name: kubeadm-config, namespace: kube-system }
data: { ClusterConfiguration: "kubernetesVersion: v1.31.1" }
`;

export function estateObjects(): K8sObject[] {
  return loadAll(ESTATE) as K8sObject[];
}
