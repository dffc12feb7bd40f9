/**
 * Resource arguments as kubectl reads them: `pods`, `pod`, `po`, `deployments.apps`, `deploy/scale`, `pods/exec`, and
 * `/metrics` for non-resource URLs. kubectl asks the server's discovery which group a bare name belongs to; kspm knows
 * the built-in resources, and takes any other as `name.group`.
 */
export interface ResourceTarget {
  group: string;
  resource: string;
  subresource?: string;
}

interface Known {
  plural: string;
  singular: string;
  shortNames?: string[];
  group: string;
}

const BUILT_IN: readonly Known[] = [
  ...(['bindings', 'componentstatuses', 'configmaps', 'endpoints', 'events', 'limitranges', 'namespaces', 'nodes', 'persistentvolumeclaims', 'persistentvolumes', 'pods', 'podtemplates', 'replicationcontrollers', 'resourcequotas', 'secrets', 'serviceaccounts', 'services'] as const).map((plural) => ({ plural, group: '' })),
  ...['controllerrevisions', 'daemonsets', 'deployments', 'replicasets', 'statefulsets'].map((plural) => ({ plural, group: 'apps' })),
  ...['cronjobs', 'jobs'].map((plural) => ({ plural, group: 'batch' })),
  ...['clusterrolebindings', 'clusterroles', 'rolebindings', 'roles'].map((plural) => ({ plural, group: 'rbac.authorization.k8s.io' })),
  ...['ingressclasses', 'ingresses', 'networkpolicies'].map((plural) => ({ plural, group: 'networking.k8s.io' })),
  ...['mutatingwebhookconfigurations', 'validatingwebhookconfigurations', 'validatingadmissionpolicies', 'validatingadmissionpolicybindings', 'mutatingadmissionpolicies', 'mutatingadmissionpolicybindings'].map((plural) => ({ plural, group: 'admissionregistration.k8s.io' })),
  { plural: 'certificatesigningrequests', group: 'certificates.k8s.io' },
  { plural: 'customresourcedefinitions', group: 'apiextensions.k8s.io' },
  { plural: 'apiservices', group: 'apiregistration.k8s.io' },
  { plural: 'poddisruptionbudgets', group: 'policy' },
  { plural: 'horizontalpodautoscalers', group: 'autoscaling' },
  { plural: 'leases', group: 'coordination.k8s.io' },
  { plural: 'endpointslices', group: 'discovery.k8s.io' },
  { plural: 'priorityclasses', group: 'scheduling.k8s.io' },
  { plural: 'runtimeclasses', group: 'node.k8s.io' },
  ...['csidrivers', 'csinodes', 'csistoragecapacities', 'storageclasses', 'volumeattachments'].map((plural) => ({ plural, group: 'storage.k8s.io' })),
  { plural: 'tokenreviews', group: 'authentication.k8s.io' },
  ...['localsubjectaccessreviews', 'selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'subjectaccessreviews'].map((plural) => ({ plural, group: 'authorization.k8s.io' })),
  ...['flowschemas', 'prioritylevelconfigurations'].map((plural) => ({ plural, group: 'flowcontrol.apiserver.k8s.io' })),
].map((entry) => ({ ...entry, singular: singularOf(entry.plural) }));

const SHORT_NAMES: Readonly<Record<string, string>> = {
  cs: 'componentstatuses', cm: 'configmaps', ep: 'endpoints', ev: 'events', limits: 'limitranges', ns: 'namespaces',
  no: 'nodes', pvc: 'persistentvolumeclaims', pv: 'persistentvolumes', po: 'pods', rc: 'replicationcontrollers',
  quota: 'resourcequotas', sa: 'serviceaccounts', svc: 'services', ds: 'daemonsets', deploy: 'deployments',
  rs: 'replicasets', sts: 'statefulsets', cj: 'cronjobs', ing: 'ingresses', netpol: 'networkpolicies',
  csr: 'certificatesigningrequests', crd: 'customresourcedefinitions', crds: 'customresourcedefinitions',
  pdb: 'poddisruptionbudgets', hpa: 'horizontalpodautoscalers', pc: 'priorityclasses', sc: 'storageclasses',
};

function singularOf(plural: string): string {
  if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`;
  if (plural.endsWith('sses') || plural.endsWith('ches')) return plural.slice(0, -2);
  if (plural.endsWith('s')) return plural.slice(0, -1);
  return plural;
}

export interface Resolved {
  target: ResourceTarget;
  /** Set when the name is not a built-in resource and carries no group: it is taken as core, as kubectl does. */
  warning?: string;
}

/** Reads `RESOURCE[.GROUP][/SUBRESOURCE]`. `*` stands for every resource. */
export function resolveResource(text: string): Resolved {
  const [head = '', subresource, ...rest] = text.split('/');
  if (head === '' || rest.length > 0 || subresource === '') throw new Error(`invalid resource "${text}": expected RESOURCE[.GROUP][/SUBRESOURCE], e.g. pods, deployments.apps, pods/exec`);
  const sub = subresource === undefined ? {} : { subresource };
  if (head === '*') return { target: { group: '*', resource: '*', ...sub } };
  const lower = head.toLowerCase();
  const name = SHORT_NAMES[lower] ?? lower;
  const known = BUILT_IN.find((entry) => entry.plural === name || entry.singular === name);
  if (known) return { target: { group: known.group, resource: known.plural, ...sub } };
  const dot = lower.indexOf('.');
  if (dot > 0) {
    const plural = lower.slice(0, dot);
    const group = lower.slice(dot + 1);
    const builtIn = BUILT_IN.find((entry) => (entry.plural === plural || entry.singular === plural) && entry.group === group);
    return { target: { group, resource: builtIn?.plural ?? plural, ...sub } };
  }
  return { target: { group: '', resource: lower, ...sub }, warning: `"${head}" is not a built-in resource: taken as ${lower} in the core group (give RESOURCE.GROUP for others)` };
}
