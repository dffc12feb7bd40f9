/**
 * The Job and DaemonSet that run `kspm node` on cluster nodes, printed by `kspm node manifests`. They read the host
 * through a read-only mount of / at /host; the report is the pod's log.
 *
 * Why root: CIS wants the files it checks (kubelet config, kubeconfigs, PKI keys) to be mode 600 and owned by root,
 * so only root may read them; a non-root user could stat them but not read the kubelet's config file. Everything
 * else is taken away: no capabilities at all (so root reads only what root owns and can change nothing), no
 * privilege escalation, a read-only root file system, a read-only host mount, no service account token, and no
 * host network. hostPID shows the host's processes, whose command lines hold the kubelet's and control plane's flags.
 */

const IMAGE = 'registry.example.com/kspm:0.1.0';

const podSpec = (indent: string, container: string) =>
  `hostPID: true
automountServiceAccountToken: false
# Control-plane nodes carry NoSchedule taints; the checks are meant for them too.
tolerations:
  - operator: Exists
securityContext:
  # root without any capability: see the comment at the top.
  runAsUser: 0
  runAsGroup: 0
  runAsNonRoot: false
  seccompProfile:
    type: RuntimeDefault
${container}volumes:
  - name: host
    hostPath:
      path: /
      type: Directory`
    .split('\n')
    .map((line) => (line ? indent + line : line))
    .join('\n');

const nodeContainer = (listKey: string) => `${listKey}:
  - name: kspm-node
    # There is no published kspm image. Build deploy/Dockerfile, push it, and pin it by digest.
    image: ${IMAGE}
    imagePullPolicy: IfNotPresent
    args: [node, --root, /host, --node-name, $(NODE_NAME), -o, json]
    env:
      - name: NODE_NAME
        valueFrom:
          fieldRef:
            fieldPath: spec.nodeName
    securityContext:
      runAsUser: 0
      runAsNonRoot: false
      allowPrivilegeEscalation: false
      privileged: false
      readOnlyRootFilesystem: true
      capabilities:
        drop: [ALL]
    resources:
      requests:
        cpu: 50m
        memory: 128Mi
        ephemeral-storage: 8Mi
      limits:
        cpu: 500m
        memory: 256Mi
        ephemeral-storage: 16Mi
    volumeMounts:
      - name: host
        mountPath: /host
        readOnly: true
        mountPropagation: None
`;

const HEADER = `# kspm node: the CIS node checks (sections 1.1, 4.1, 4.2) and the control-plane flag checks, read from the host.
# Runs as root with no capabilities and a read-only host mount: see \`kspm node manifests --help\`.
`;

export function nodeJobManifest(): string {
  return `${HEADER}# One node: set spec.template.spec.nodeName to the node to check. The report is the Job's log:
#   kubectl -n kspm logs job/kspm-node > node.json
apiVersion: batch/v1
kind: Job
metadata:
  name: kspm-node
  namespace: kspm
  labels:
    app.kubernetes.io/name: kspm-node
spec:
  backoffLimit: 0
  activeDeadlineSeconds: 600
  ttlSecondsAfterFinished: 86400
  template:
    metadata:
      labels:
        app.kubernetes.io/name: kspm-node
    spec:
      restartPolicy: Never
${podSpec('      ', nodeContainer('containers'))}
`;
}

export function nodeDaemonSetManifest(): string {
  return `${HEADER}# Every node: the check runs once per pod as an init container, whose log is the report; a pause container then
# holds the pod so it is not restarted. kubectl -n kspm logs <pod> -c kspm-node > <node>.json
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kspm-node
  namespace: kspm
  labels:
    app.kubernetes.io/name: kspm-node
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: kspm-node
  template:
    metadata:
      labels:
        app.kubernetes.io/name: kspm-node
    spec:
${podSpec('      ', `${nodeContainer('initContainers')}containers:
  - name: idle
    image: registry.k8s.io/pause:3.10
    securityContext:
      runAsUser: 65535
      runAsNonRoot: true
      allowPrivilegeEscalation: false
      readOnlyRootFilesystem: true
      capabilities:
        drop: [ALL]
    resources:
      requests:
        cpu: 1m
        memory: 8Mi
      limits:
        cpu: 10m
        memory: 16Mi
`)}
`;
}
