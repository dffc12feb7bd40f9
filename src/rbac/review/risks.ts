/**
 * The permissions a reviewer must not wave through, in one table, and how a subject's bindings are judged against
 * it. Each risk is a set of requests put to the authorizer's rule matching (ruleAllows), or for the two that are
 * about the shape of a rule rather than one request, a test of the rule: never a guess from a role's name.
 */
import { SEVERITY_RANK, type Severity } from '../../model/severity.js';
import { roleId, ruleAllows, type Binding, type BindingKey, type RbacModel, type RoleKey } from '../model.js';
import type { ResourceRequest } from '../request.js';
import type { PolicyRule } from '../rule.js';
import { ALL_UNAUTHENTICATED, ANONYMOUS, MASTERS, type Subject, type UserInfo } from '../users.js';
import type { AppliedBinding } from './binding-index.js';

/** Requests of one kind: every verb on every resource listed. */
interface Probe {
  verbs: string[];
  /** `''` for the core group. */
  group: string;
  /** `pods` or `pods/exec`. */
  resources: string[];
  /** Namespaced resources can be granted by a RoleBinding, in its namespace; cluster-scoped ones only cluster-wide. */
  namespaced: boolean;
}

export interface RiskDefinition {
  id: string;
  /** The controls that flag the same power in a role's rules, where there are any. */
  controls?: string[];
  title: string;
  /** When a ClusterRoleBinding grants it. */
  severity: Severity;
  /** When only RoleBindings grant it, each in its own namespace; the cluster-wide severity when absent. */
  namespacedSeverity?: Severity;
  /** What a holder can do with it, for the reader who asks why it matters. */
  why: string;
  /** The risk is held when any of these requests is allowed... */
  probes?: Probe[];
  /** ...or when a rule has this shape. */
  rule?: (rule: PolicyRule) => boolean;
  /** A power that takes two grants: one of these must be allowed too, through any binding. */
  requires?: Probe[];
  /** Also counts rules that allow the requests only for named objects (resourceNames). */
  named?: boolean;
  /** Only these subjects are judged against it. */
  appliesTo?: (subject: Subject) => boolean;
}

const CORE = '';
const RBAC = 'rbac.authorization.k8s.io';
const CERTIFICATES = 'certificates.k8s.io';

/** Paths that tell a client what the server serves and whether it is healthy: public by design. */
const DISCOVERY_PATHS = ['/api', '/apis', '/openapi', '/version', '/healthz', '/livez', '/readyz', '/.well-known/openid-configuration', '/openid/v1/jwks'];

/** Whether a nonResourceURLs entry (exact, or a prefix ending in `*`) reaches only discovery paths and their sub-paths. */
function discoveryOnly(url: string): boolean {
  const prefix = url.endsWith('*') ? url.replace(/\*+$/, '') : undefined;
  return DISCOVERY_PATHS.some((path) =>
    prefix === undefined ? url === path || url.startsWith(`${path}/`) : prefix.startsWith(`${path}/`) || prefix === path,
  );
}

/** Anything a rule allows beyond `get` of discovery paths: any resource at all, another verb, or another URL. */
function beyondDiscovery(rule: PolicyRule): boolean {
  if (rule.verbs.length === 0) return false;
  if (rule.resources.length > 0 && rule.apiGroups.length > 0) return true;
  if (rule.nonResourceURLs.length === 0) return false;
  return rule.verbs.some((verb) => verb !== 'get') || !rule.nonResourceURLs.every(discoveryOnly);
}

export const CLUSTER_ADMIN = 'cluster-admin';
export const ANONYMOUS_ACCESS = 'anonymous-access';

const csrStep = (subresource: string, signerVerb: string): Pick<RiskDefinition, 'probes' | 'requires' | 'named'> => ({
  probes: [{ verbs: ['update', 'patch'], group: CERTIFICATES, resources: [`certificatesigningrequests/${subresource}`], namespaced: false }],
  requires: [{ verbs: [signerVerb], group: CERTIFICATES, resources: ['signers'], namespaced: false }],
  named: true,
});

/** Highest severity first; a subject's flags keep this order within a severity. */
export const RISKS: readonly RiskDefinition[] = [
  {
    id: CLUSTER_ADMIN,
    controls: ['rbac-cluster-admin-binding'],
    title: 'Cluster-admin equivalent',
    severity: 'critical',
    why: 'every verb on every resource of every API group, cluster-wide: nothing in the cluster is out of reach',
    probes: [{ verbs: ['*'], group: '*', resources: ['*'], namespaced: false }],
  },
  {
    id: 'impersonate',
    controls: ['rbac-impersonate'],
    title: 'Impersonate users, groups or service accounts',
    severity: 'critical',
    namespacedSeverity: 'high',
    why: 'the holder acts as any identity it may impersonate, with all of its permissions',
    probes: [
      { verbs: ['impersonate'], group: CORE, resources: ['users', 'groups'], namespaced: false },
      { verbs: ['impersonate'], group: 'authentication.k8s.io', resources: ['uids'], namespaced: false },
      { verbs: ['impersonate'], group: CORE, resources: ['serviceaccounts'], namespaced: true },
    ],
    named: true,
  },
  {
    id: 'escalate',
    controls: ['rbac-escalate-bind'],
    title: 'Escalate: write roles with permissions it does not hold',
    severity: 'critical',
    namespacedSeverity: 'high',
    why: 'the escalate verb lifts the check that a role may only grant what its author holds',
    probes: [
      { verbs: ['escalate'], group: RBAC, resources: ['clusterroles'], namespaced: false },
      { verbs: ['escalate'], group: RBAC, resources: ['roles'], namespaced: true },
    ],
    named: true,
  },
  {
    id: 'bind',
    controls: ['rbac-escalate-bind'],
    title: 'Bind: grant roles with permissions it does not hold',
    severity: 'critical',
    namespacedSeverity: 'high',
    why: 'the bind verb lifts the check that a binding may only grant what its author holds',
    // A RoleBinding's roleRef is checked in the binding's namespace, even when it names a ClusterRole.
    probes: [{ verbs: ['bind'], group: RBAC, resources: ['clusterroles', 'roles'], namespaced: true }],
    named: true,
  },
  {
    id: 'webhook-config-write',
    controls: ['rbac-webhook-config-write'],
    title: 'Write admission webhook configurations',
    severity: 'critical',
    why: 'a mutating webhook sees and can rewrite every object written to the API; deleting a validating one switches off a guardrail',
    probes: [{ verbs: ['create', 'update', 'patch', 'delete'], group: 'admissionregistration.k8s.io', resources: ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'], namespaced: false }],
    named: true,
  },
  {
    id: 'nodes-proxy',
    controls: ['rbac-nodes-proxy'],
    title: 'Reach the kubelet API through nodes/proxy',
    severity: 'critical',
    why: 'the kubelet API runs commands in every pod of the node, and a websocket GET needs only the get verb',
    probes: [{ verbs: ['get', 'create', 'update', 'patch', 'delete'], group: CORE, resources: ['nodes/proxy'], namespaced: false }],
    named: true,
  },
  {
    id: 'secrets-read',
    controls: ['rbac-secrets-read'],
    title: 'Read secrets',
    severity: 'critical',
    namespacedSeverity: 'high',
    why: 'secrets hold credentials, service-account tokens among them: reading them is holding what they unlock',
    probes: [{ verbs: ['get', 'list', 'watch'], group: CORE, resources: ['secrets'], namespaced: true }],
    named: true,
  },
  {
    id: 'create-workloads',
    controls: ['rbac-create-workloads'],
    title: 'Create pods or pod controllers',
    severity: 'critical',
    namespacedSeverity: 'high',
    why: 'a pod runs as any service account of its namespace and mounts any secret there; cluster-wide, that includes kube-system',
    probes: [
      { verbs: ['create'], group: CORE, resources: ['pods'], namespaced: true },
      { verbs: ['create', 'update', 'patch'], group: CORE, resources: ['replicationcontrollers'], namespaced: true },
      { verbs: ['create', 'update', 'patch'], group: 'apps', resources: ['deployments', 'daemonsets', 'statefulsets', 'replicasets'], namespaced: true },
      { verbs: ['create', 'update', 'patch'], group: 'batch', resources: ['jobs', 'cronjobs'], namespaced: true },
    ],
    named: true,
  },
  {
    id: 'sa-token-create',
    controls: ['rbac-sa-token-create'],
    title: 'Create service-account tokens',
    severity: 'critical',
    namespacedSeverity: 'high',
    why: 'a token requested for a service account authenticates as it, with all of its permissions',
    probes: [{ verbs: ['create'], group: CORE, resources: ['serviceaccounts/token'], namespaced: true }],
    named: true,
  },
  {
    id: 'pods-exec',
    controls: ['rbac-pods-exec'],
    title: 'Exec into, attach to or debug pods',
    severity: 'high',
    namespacedSeverity: 'medium',
    why: 'a shell in a pod holds its service-account token and mounted secrets; older API servers let get alone open one',
    probes: [
      { verbs: ['create', 'get'], group: CORE, resources: ['pods/exec', 'pods/attach'], namespaced: true },
      { verbs: ['update', 'patch'], group: CORE, resources: ['pods/ephemeralcontainers'], namespaced: true },
    ],
    named: true,
  },
  {
    id: 'csr-approve',
    controls: ['rbac-csr-approve'],
    title: 'Approve certificate signing requests',
    severity: 'high',
    why: 'an approved client certificate can name any user and group, system:masters included, for signers that allow it',
    ...csrStep('approval', 'approve'),
  },
  {
    id: 'csr-sign',
    controls: ['rbac-csr-sign'],
    title: 'Sign certificate signing requests',
    severity: 'high',
    why: 'a signer writes the issued certificate: for the kube-apiserver-client signer, one for any user and group',
    ...csrStep('status', 'sign'),
  },
  {
    id: 'pv-create',
    controls: ['rbac-pv-create'],
    title: 'Create persistent volumes',
    severity: 'high',
    why: 'a hostPath persistent volume gives whoever claims it the node’s file system',
    probes: [{ verbs: ['create'], group: CORE, resources: ['persistentvolumes'], namespaced: false }],
  },
  {
    id: 'namespace-write',
    title: 'Modify or delete namespaces',
    severity: 'high',
    namespacedSeverity: 'medium',
    why: 'relabelling a namespace lifts its Pod Security enforcement; deleting one deletes everything in it',
    // The API server authorizes a request for namespace N in namespace N, so a RoleBinding in N reaches N itself.
    probes: [{ verbs: ['update', 'patch', 'delete'], group: CORE, resources: ['namespaces'], namespaced: true }],
    named: true,
  },
  {
    id: 'wildcard',
    controls: ['rbac-wildcard-verbs', 'rbac-wildcard-resources'],
    title: 'Wildcard grant',
    severity: 'high',
    namespacedSeverity: 'medium',
    why: 'a * in verbs, API groups or resources grants whatever the API serves, resources added later included',
    rule: (rule) => rule.resources.length > 0 && [rule.verbs, rule.apiGroups, rule.resources].some((values) => values.includes('*')),
  },
  {
    id: ANONYMOUS_ACCESS,
    controls: ['rbac-anonymous-binding'],
    title: 'Unauthenticated requests allowed more than discovery',
    severity: 'high',
    namespacedSeverity: 'high',
    why: 'anyone who can reach the API server, with no credentials at all, holds these permissions',
    rule: beyondDiscovery,
    appliesTo: (subject) => (subject.kind === 'User' && subject.name === ANONYMOUS) || (subject.kind === 'Group' && subject.name === ALL_UNAUTHENTICATED),
  },
];

/** A binding that gives a subject a risk (or a permission), and where it does. */
export interface ReviewGrant {
  binding: BindingKey;
  role: RoleKey;
  /** The RoleBinding's namespace; absent for a cluster-wide grant. */
  namespace?: string;
  /** The binding's subject that reaches this one, when it is not the subject itself (a group it belongs to). */
  through?: Subject;
  /** Set when the role allows the risky requests only for these object names. */
  resourceNames?: string[];
}

export interface RiskFlag {
  id: string;
  severity: Severity;
  title: string;
  grants: ReviewGrant[];
  /** Why the flag holds without any grant (members of system:masters). */
  reason?: string;
}

/** How a role's rules meet a risk: through namespaced requests (any binding), or cluster-scoped ones (cluster-wide only). */
interface RoleMatch {
  namespaced?: NameLimit;
  clusterScoped?: NameLimit;
}

/** The object names a match is limited to; empty for every name. */
type NameLimit = string[];

function widen(a: NameLimit | undefined, b: NameLimit | undefined): NameLimit | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  if (a.length === 0 || b.length === 0) return [];
  return [...new Set([...a, ...b])].sort();
}

function requestsOf(probe: Probe): ResourceRequest[] {
  return probe.verbs.flatMap((verb) =>
    probe.resources.map((combined) => {
      const [resource = combined, subresource] = combined.split('/');
      return { type: 'resource' as const, verb, group: probe.group, resource, ...(subresource ? { subresource } : {}) };
    }),
  );
}

/** Whether the rule allows the request for every name, for some names only (which), or not at all. */
function allows(rule: PolicyRule, request: ResourceRequest, named: boolean): NameLimit | undefined {
  if (ruleAllows(rule, request)) return [];
  const name = rule.resourceNames.find((each) => each !== '');
  if (named && name !== undefined && ruleAllows(rule, { ...request, name })) return [...new Set(rule.resourceNames)].sort();
  return undefined;
}

/** What a risk asks of a role's rules: requests (each marked namespaced or not) and, or, a rule shape. */
interface Test {
  probes: { namespaced: boolean; requests: ResourceRequest[] }[];
  rule?: (rule: PolicyRule) => boolean;
  named: boolean;
}

const testOf = (probes: readonly Probe[], named: boolean, rule?: (rule: PolicyRule) => boolean): Test => ({
  probes: probes.map((probe) => ({ namespaced: probe.namespaced, requests: requestsOf(probe) })),
  named,
  ...(rule ? { rule } : {}),
});

const TESTS = RISKS.map((risk) => ({
  main: testOf(risk.probes ?? [], risk.named === true, risk.rule),
  ...(risk.requires ? { requires: testOf(risk.requires, true) } : {}),
}));

function matchRules(rules: readonly PolicyRule[], test: Test): RoleMatch {
  const match: RoleMatch = {};
  for (const rule of rules) {
    if (test.rule?.(rule)) match.namespaced = widen(match.namespaced, []);
    for (const probe of test.probes) {
      for (const request of probe.requests) {
        const limit = allows(rule, request, test.named);
        if (limit === undefined) continue;
        if (probe.namespaced) match.namespaced = widen(match.namespaced, limit);
        else match.clusterScoped = widen(match.clusterScoped, limit);
      }
    }
  }
  return match;
}

interface RiskMatch {
  main: RoleMatch;
  requires?: RoleMatch;
}

const severityOf = (risk: RiskDefinition, grants: readonly ReviewGrant[]): Severity =>
  grants.some((grant) => grant.namespace === undefined) ? risk.severity : (risk.namespacedSeverity ?? risk.severity);

/** Judges subjects' bindings against RISKS, remembering each role's matches: roles are shared by many bindings. */
export class RiskAssessor {
  private readonly matches = new Map<string, RiskMatch[]>();

  constructor(private readonly model: RbacModel) {}

  private roleMatches(role: RoleKey): RiskMatch[] {
    const id = roleId(role);
    const cached = this.matches.get(id);
    if (cached) return cached;
    const rules = this.model.rulesOf(role).map((sourced) => sourced.rule);
    const found = TESTS.map((test) => ({ main: matchRules(rules, test.main), ...(test.requires ? { requires: matchRules(rules, test.requires) } : {}) }));
    this.matches.set(id, found);
    return found;
  }

  /** The subject's flags, highest severity first. Cluster-admin equivalence stands for every other flag but the anonymous one. */
  assess(subject: Subject, user: UserInfo, applied: readonly AppliedBinding[]): RiskFlag[] {
    if (user.groups.includes(MASTERS)) {
      return [{ id: CLUSTER_ADMIN, severity: 'critical', title: RISKS[0]!.title, grants: [], reason: `members of ${MASTERS} pass every authorization check, whatever the bindings say` }];
    }
    const flags: RiskFlag[] = [];
    RISKS.forEach((risk, index) => {
      if (risk.appliesTo && !risk.appliesTo(subject)) return;
      const matched = applied.map(({ binding, subject: through }) => ({ binding, through, match: this.roleMatches(binding.role)[index]! }));
      if (risk.requires && !matched.some(({ binding, match }) => match.requires && reach(binding, match.requires) !== undefined)) return;
      const grants = matched.flatMap(({ binding, through, match }) => {
        const limit = reach(binding, match.main);
        return limit === undefined ? [] : [grantOf(binding, subject, through, limit)];
      });
      if (grants.length > 0) flags.push({ id: risk.id, severity: severityOf(risk, grants), title: risk.title, grants });
    });
    const sorted = flags.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
    return sorted.some((flag) => flag.id === CLUSTER_ADMIN) ? sorted.filter((flag) => flag.id === CLUSTER_ADMIN || flag.id === ANONYMOUS_ACCESS) : sorted;
  }
}

/** What a binding's scope lets through of a role's match: a RoleBinding only namespaced requests (RbacModel.inScope). */
function reach(binding: Binding, match: RoleMatch): NameLimit | undefined {
  return binding.key.kind === 'ClusterRoleBinding' ? widen(match.namespaced, match.clusterScoped) : match.namespaced;
}

const sameSubject = (a: Subject, b: Subject) => a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');

export function grantOf(binding: Binding, subject: Subject, through: Subject, limit: NameLimit = []): ReviewGrant {
  return {
    binding: binding.key,
    role: binding.role,
    ...(binding.key.kind === 'RoleBinding' ? { namespace: binding.key.namespace ?? '' } : {}),
    ...(sameSubject(subject, through) ? {} : { through }),
    ...(limit.length > 0 ? { resourceNames: limit } : {}),
  };
}
