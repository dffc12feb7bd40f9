/** Small estates for the risk engine's tests: manifests loaded into an Inventory, findings stated by hand. */
import { load } from 'js-yaml';
import type { ImageScanOutcome } from '../image/model.js';
import { Inventory } from '../inventory/inventory.js';
import type { Finding } from '../model/finding.js';
import type { K8sObject } from '../model/k8s.js';
import { refOf } from '../model/resource.js';
import type { Severity } from '../model/severity.js';
import type { Severity as VulnerabilitySeverity } from '../vuln/advisory.js';
import type { Vulnerability } from '../vuln/vulnerability.js';

export function objects(yaml: string): K8sObject[] {
  return yaml.split(/^---$/m).map((document) => load(document) as K8sObject).filter((object) => object !== undefined && object !== null);
}

export function inventoryOf(all: readonly K8sObject[], images?: ReadonlyMap<string, ImageScanOutcome>): Inventory {
  const inventory = new Inventory();
  all.forEach((object, index) => inventory.add({ object, ref: refOf(object), source: { file: 'estate.yaml', line: index + 1 }, locate: () => ({ line: index + 1, column: 1 }) }));
  inventory.images = images;
  return inventory;
}

/** `Deployment shop/web`. */
export function finding(controlId: string, severity: Severity, subject: string, path = 'metadata'): Finding {
  const [kind, where] = subject.split(' ') as [string, string];
  const [namespace, name] = where.includes('/') ? where.split('/') as [string, string] : [undefined, where];
  const resource = { apiVersion: kind === 'Deployment' ? 'apps/v1' : 'v1', kind, name, ...(namespace ? { namespace } : {}) };
  return {
    controlId, title: controlId, severity, category: 'test', message: `${controlId} on ${subject}`, resource,
    source: { file: 'estate.yaml', line: 1 }, path, evidence: { found: true, expected: 'false' }, remediation: 'fix it', frameworks: [], exception: null,
  };
}

export function vulnerability(id: string, severity: VulnerabilitySeverity, fixedVersion?: string): Vulnerability {
  return {
    id, aliases: [], severity, severitySource: 'debian', references: [], dataSource: 'debian-tracker',
    package: { ecosystem: 'Debian', name: 'openssl', version: '3.0.11-1', path: 'var/lib/dpkg/status', purl: 'pkg:deb/debian/openssl@3.0.11-1' },
    installedVersion: '3.0.11-1', ...(fixedVersion ? { fixedVersion } : {}), state: fixedVersion ? 'fixed' : 'affected',
  };
}

export function scanned(reference: string, vulnerabilities: Vulnerability[]): [string, ImageScanOutcome] {
  return [reference, { reference, result: { inventory: { image: { reference, layers: [] }, packages: [], notes: [] }, vulnerabilities, notes: [] } }];
}

export function deployment(namespace: string, name: string, options: { image?: string; serviceAccount?: string; replicas?: number; labels?: Record<string, string> } = {}): string {
  const labels = JSON.stringify(options.labels ?? { app: name });
  return `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  replicas: ${options.replicas ?? 1}
  selector: { matchLabels: ${labels} }
  template:
    metadata: { labels: ${labels} }
    spec:
      serviceAccountName: ${options.serviceAccount ?? 'default'}
      containers: [{ name: app, image: "${options.image ?? `registry.example/${name}:1`}", ports: [{ containerPort: 8080 }] }]
`;
}

export function loadBalancer(namespace: string, name: string, app = name): string {
  return `
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${namespace} }
spec: { type: LoadBalancer, selector: { app: ${app} }, ports: [{ port: 443, targetPort: 8080 }] }
`;
}

export function ingress(namespace: string, name: string, service = name): string {
  return `
apiVersion: v1
kind: Service
metadata: { name: ${service}, namespace: ${namespace} }
spec: { selector: { app: ${name} }, ports: [{ port: 80, targetPort: 8080 }] }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  rules: [{ host: ${name}.example.com, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: ${service}, port: { number: 80 } } } }] } }]
`;
}

export function secretsReader(namespace: string, account: string): string {
  return `
apiVersion: v1
kind: ServiceAccount
metadata: { name: ${account}, namespace: ${namespace} }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: ${account}-secrets, namespace: ${namespace} }
rules: [{ apiGroups: [""], resources: [secrets], verbs: [get, list] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: ${account}-secrets, namespace: ${namespace} }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: ${account}-secrets }
subjects: [{ kind: ServiceAccount, name: ${account}, namespace: ${namespace} }]
`;
}

export function clusterAdmin(namespace: string, account: string): string {
  return `
apiVersion: v1
kind: ServiceAccount
metadata: { name: ${account}, namespace: ${namespace} }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: cluster-admin }
rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: ${account}-admin }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects: [{ kind: ServiceAccount, name: ${account}, namespace: ${namespace} }]
`;
}

export function denyIngress(namespace: string): string {
  return `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: ${namespace} }
spec: { podSelector: {}, policyTypes: [Ingress] }
`;
}

export function namespace(name: string, sensitive = false): string {
  return `
apiVersion: v1
kind: Namespace
metadata: { name: ${name}${sensitive ? ', labels: { kspm.io/sensitive: "true" }' : ''} }
`;
}
