/**
 * The estate of the reachability case table (reachability.test.ts), shaped like cyclonus's conformance cluster:
 * namespaces x, y and z, each running pods a, b and c that serve ports 80 and 81 over TCP, UDP and SCTP under names
 * such as serve-80-udp. Around them: b and c also name a port `http`, on different numbers, so named ports visibly
 * resolve on the destination; a namespace with no labels of its own; cluster DNS in kube-system; and a host-network
 * DaemonSet in x. Policies are a catalogue the table picks from by name.
 */
import { loadAll } from 'js-yaml';
import { isRecord, type K8sObject } from '../model/k8s.js';

const SERVED = [80, 81].flatMap((port) => (['TCP', 'UDP', 'SCTP'] as const).map((protocol) => ({ port, protocol })));

function server(namespace: string, name: string, labels: Record<string, string>, extraPorts = ''): string {
  const served = SERVED.map(({ port, protocol }) => `
        - name: serve-${port}-${protocol.toLowerCase()}
          image: registry.k8s.io/e2e-test-images/agnhost:2.43
          ports:
            - {name: serve-${port}-${protocol.toLowerCase()}, containerPort: ${port}, protocol: ${protocol}}`).join('');
  return `
apiVersion: apps/v1
kind: Deployment
metadata: {namespace: ${namespace}, name: ${name}}
spec:
  selector: {matchLabels: ${JSON.stringify(labels)}}
  template:
    metadata: {labels: ${JSON.stringify(labels)}}
    spec:
      containers:${served}${extraPorts}
`;
}

const HTTP_ON = (port: number) => `
        - name: web
          image: nginx:1.27
          ports:
            - {name: http, containerPort: ${port}}`;

const NAMESPACES = `
apiVersion: v1
kind: Namespace
metadata: {name: x, labels: {ns: x, env: prod}}
---
apiVersion: v1
kind: Namespace
metadata: {name: y, labels: {ns: y, env: prod}}
---
apiVersion: v1
kind: Namespace
metadata: {name: z, labels: {ns: z, env: dev}}
---
apiVersion: v1
kind: Namespace
metadata: {name: bare}
---
apiVersion: v1
kind: Namespace
metadata: {name: kube-system}
`;

const CLUSTER_DNS = `
apiVersion: apps/v1
kind: Deployment
metadata: {namespace: kube-system, name: coredns}
spec:
  selector: {matchLabels: {k8s-app: kube-dns}}
  template:
    metadata: {labels: {k8s-app: kube-dns}}
    spec:
      containers:
        - name: coredns
          image: registry.k8s.io/coredns/coredns:v1.11.3
          ports:
            - {name: dns, containerPort: 53, protocol: UDP}
            - {name: dns-tcp, containerPort: 53, protocol: TCP}
`;

const NODE_AGENT = `
apiVersion: apps/v1
kind: DaemonSet
metadata: {namespace: x, name: node-agent}
spec:
  selector: {matchLabels: {app: node-agent}}
  template:
    metadata: {labels: {app: node-agent, pod: a}}
    spec:
      hostNetwork: true
      containers:
        - name: exporter
          image: quay.io/prometheus/node-exporter:v1.8.2
          ports:
            - {name: metrics, containerPort: 9100}
`;

/** Pods a, b, c in x, y, z (b with `http` on 8080, c on 9090), `lone` (labelled pod=a) in `bare`, DNS, node agent. */
export const CLUSTER = [
  NAMESPACES,
  ...['x', 'y', 'z'].flatMap((namespace) => [
    server(namespace, 'a', { pod: 'a' }),
    server(namespace, 'b', { pod: 'b' }, HTTP_ON(8080)),
    server(namespace, 'c', { pod: 'c' }, HTTP_ON(9090)),
  ]),
  server('bare', 'lone', { pod: 'a' }),
  CLUSTER_DNS,
  NODE_AGENT,
].join('\n---\n');

const policy = (namespace: string, name: string, spec: string): string => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {namespace: ${namespace}, name: ${name}}
spec:${spec}`;

/** NetworkPolicies by name; each name says what the policy is for. */
export const POLICIES = {
  // Isolation and policyTypes defaulting.
  'x-deny-all-ingress': policy('x', 'deny-all-ingress', `
  podSelector: {}`),
  'x-deny-all-ingress-empty-list': policy('x', 'deny-all-ingress-empty-list', `
  podSelector: {}
  ingress: []`),
  'x-deny-all-egress': policy('x', 'deny-all-egress', `
  podSelector: {}
  policyTypes: [Egress]`),
  'y-deny-all-egress': policy('y', 'deny-all-egress', `
  podSelector: {}
  policyTypes: [Egress]`),
  'x-deny-all': policy('x', 'deny-all', `
  podSelector: {}
  policyTypes: [Ingress, Egress]`),
  'y-deny-all-ingress': policy('y', 'deny-all-ingress', `
  podSelector: {}`),
  'x-deny-all-no-pod-selector': policy('x', 'deny-all-no-pod-selector', `
  policyTypes: [Ingress]`),
  'x-a-egress-section-implies-egress': policy('x', 'a-egress-section-implies-egress', `
  podSelector: {matchLabels: {pod: a}}
  egress:
    - to: [{podSelector: {matchLabels: {pod: b}}}]`),
  'x-a-empty-egress-list-no-types': policy('x', 'a-empty-egress-list-no-types', `
  podSelector: {matchLabels: {pod: a}}
  egress: []`),
  'x-a-egress-type-ignores-ingress-rules': policy('x', 'a-egress-type-ignores-ingress-rules', `
  podSelector: {matchLabels: {pod: a}}
  policyTypes: [Egress]
  ingress:
    - from: [{podSelector: {matchLabels: {pod: b}}}]
  egress:
    - to: [{namespaceSelector: {}}]`),
  'x-a-ingress-type-ignores-egress-rules': policy('x', 'a-ingress-type-ignores-egress-rules', `
  podSelector: {matchLabels: {pod: a}}
  policyTypes: [Ingress]
  ingress: [{}]
  egress:
    - to: [{podSelector: {matchLabels: {pod: b}}}]`),
  'x-bc-deny-by-expression': policy('x', 'bc-deny-by-expression', `
  podSelector:
    matchExpressions: [{key: pod, operator: In, values: [b, c]}]`),
  'x-invalid-pod-selector': policy('x', 'invalid-pod-selector', `
  podSelector:
    matchExpressions: [{key: pod, operator: Equals, values: [a]}]`),

  // Whole-rule allows.
  'x-allow-all-ingress': policy('x', 'allow-all-ingress', `
  podSelector: {}
  ingress: [{}]`),
  'x-allow-all-egress': policy('x', 'allow-all-egress', `
  podSelector: {}
  policyTypes: [Egress]
  egress: [{}]`),
  'x-allow-empty-from-empty-ports': policy('x', 'allow-empty-from-empty-ports', `
  podSelector: {}
  ingress:
    - from: []
      ports: []`),
  'x-allow-same-namespace': policy('x', 'allow-same-namespace', `
  podSelector: {}
  ingress:
    - from: [{podSelector: {}}]`),

  // Peers.
  'x-a-from-namespace-y': policy('x', 'a-from-namespace-y', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: [{namespaceSelector: {matchLabels: {ns: y}}}]`),
  'x-a-from-prod-namespaces': policy('x', 'a-from-prod-namespaces', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: [{namespaceSelector: {matchLabels: {env: prod}}}]`),
  'x-a-from-all-namespaces': policy('x', 'a-from-all-namespaces', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: [{namespaceSelector: {}}]`),
  'x-a-from-b': policy('x', 'a-from-b', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: [{podSelector: {matchLabels: {pod: b}}}]`),
  'x-a-from-b-in-y-one-peer': policy('x', 'a-from-b-in-y-one-peer', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {ns: y}}
          podSelector: {matchLabels: {pod: b}}`),
  'x-a-from-y-or-b-two-peers': policy('x', 'a-from-y-or-b-two-peers', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {ns: y}}
        - podSelector: {matchLabels: {pod: b}}`),
  'x-a-from-y-all-pods-explicit': policy('x', 'a-from-y-all-pods-explicit', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: [{namespaceSelector: {matchLabels: {ns: y}}, podSelector: {}}]`),
  'x-a-from-b-anywhere': policy('x', 'a-from-b-anywhere', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: [{namespaceSelector: {}, podSelector: {matchLabels: {pod: b}}}]`),
  'x-a-from-expressions': policy('x', 'a-from-expressions', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from:
        - namespaceSelector:
            matchExpressions: [{key: ns, operator: NotIn, values: [y]}]
          podSelector:
            matchExpressions: [{key: pod, operator: In, values: [a, c]}]`),
  'x-a-from-unlabelled-namespaces': policy('x', 'a-from-unlabelled-namespaces', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from:
        - namespaceSelector:
            matchExpressions: [{key: env, operator: DoesNotExist}]`),
  'x-a-from-bare-by-name': policy('x', 'a-from-bare-by-name', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: bare}}}]`),
  'x-a-from-invalid-peers': policy('x', 'a-from-invalid-peers', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from:
        - ipBlock: {cidr: 10.0.0.0/33}
        - ipBlock: {cidr: 10.0.0.0/8}
          podSelector: {}
        - {}
        - podSelector:
            matchExpressions: [{key: pod, operator: In}]`),

  // ipBlock.
  'x-a-from-documentation-net-except-upper-half': policy('x', 'a-from-documentation-net-except-upper-half', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from:
        - ipBlock: {cidr: 203.0.113.0/24, except: [203.0.113.128/25]}`),
  'x-a-from-private-10': policy('x', 'a-from-private-10', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: [{ipBlock: {cidr: 10.0.0.0/8}}]`),
  'x-a-to-internet-only': policy('x', 'a-to-internet-only', `
  podSelector: {matchLabels: {pod: a}}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}`),
  'x-a-to-ipv6-except': policy('x', 'a-to-ipv6-except', `
  podSelector: {matchLabels: {pod: a}}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}`),

  // Ports.
  'x-a-tcp-80': policy('x', 'a-tcp-80', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - ports: [{port: 80}]`),
  'x-a-udp-81-sctp-80': policy('x', 'a-udp-81-sctp-80', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - ports: [{protocol: UDP, port: 81}, {protocol: SCTP, port: 80}]`),
  'x-a-all-udp': policy('x', 'a-all-udp', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - ports: [{protocol: UDP}]`),
  'x-a-tcp-range': policy('x', 'a-tcp-range', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - ports: [{protocol: TCP, port: 32000, endPort: 32768}]`),
  'x-a-sctp-range': policy('x', 'a-sctp-range', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - ports: [{protocol: SCTP, port: 80, endPort: 81}]`),
  'x-a-invalid-ports': policy('x', 'a-invalid-ports', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - ports:
        - {port: 81, endPort: 80}
        - {port: serve-80-tcp, endPort: 81}
        - {protocol: tcp, port: 80}
        - {protocol: ICMP, port: 80}`),
  'x-a-from-b-tcp-80': policy('x', 'a-from-b-tcp-80', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: [{podSelector: {matchLabels: {pod: b}}}]
      ports: [{port: 80}]`),
  'x-a-from-c-udp-81': policy('x', 'a-from-c-udp-81', `
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: [{podSelector: {matchLabels: {pod: c}}}]
      ports: [{protocol: UDP, port: 81}]`),

  // Named ports.
  'x-serve-81-tcp-by-name': policy('x', 'serve-81-tcp-by-name', `
  podSelector: {}
  ingress:
    - ports: [{port: serve-81-tcp}]`),
  'x-udp-name-asked-as-tcp': policy('x', 'udp-name-asked-as-tcp', `
  podSelector: {}
  ingress:
    - ports: [{port: serve-80-udp}]`),
  'x-udp-name-asked-as-udp': policy('x', 'udp-name-asked-as-udp', `
  podSelector: {}
  ingress:
    - ports: [{protocol: UDP, port: serve-80-udp}]`),
  'x-sctp-name': policy('x', 'sctp-name', `
  podSelector: {}
  ingress:
    - ports: [{protocol: SCTP, port: serve-81-sctp}]`),
  'x-ingress-http-by-name': policy('x', 'ingress-http-by-name', `
  podSelector: {}
  ingress:
    - ports: [{port: http}]`),
  'x-egress-http-by-name': policy('x', 'egress-http-by-name', `
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - ports: [{port: http}]`),

  // Upstream classics.
  'x-egress-dns-only': policy('x', 'egress-dns-only', `
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
          podSelector: {matchLabels: {k8s-app: kube-dns}}
      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]`),
  'x-egress-udp-53-anywhere': policy('x', 'egress-udp-53-anywhere', `
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - ports: [{protocol: UDP, port: 53}]`),
  'y-b-egress-to-x-a-only': policy('y', 'b-egress-to-x-a-only', `
  podSelector: {matchLabels: {pod: b}}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector: {matchLabels: {ns: x}}
          podSelector: {matchLabels: {pod: a}}
      ports: [{port: 80}]`),
} as const;

export type PolicyName = keyof typeof POLICIES;

export function objectsOf(yaml: string): K8sObject[] {
  return loadAll(yaml).filter(isRecord) as K8sObject[];
}
