/**
 * The RBAC authorizer's answers, question by question: who asks, what they ask, the answer, and for a yes the binding,
 * role and rule that decide it (or the system:masters bypass), with the semantic that makes it so. The semantics are
 * Kubernetes': rule matching of pkg/apis/rbac/v1/evaluation_helpers.go, bindings and subjects as the authorizer's rule
 * resolver visits them, rules as the ClusterRole aggregation controller fills them in, and the RBAC documentation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bootstrapRbac } from '../../test/helpers/api-server/fixtures.js';
import { sharedData } from '../../test/helpers/shared.js';
import { isRecord, type K8sObject } from '../model/k8s.js';
import { AGGREGATION, BINDING_SCOPE, DEFAULT_ROLE_BINDINGS, MALFORMED, objectsOf, RULE_MATCHING, SUBJECTS } from './authorize-fixtures.js';
import { describeBinding, describeRole, RbacModel, type Decision } from './model.js';
import { permissionsOf, whoCan } from './queries.js';
import { describeRequest, type AuthorizationRequest } from './request.js';
import { describeSubject, impersonated, userOf, type UserInfo } from './users.js';

/** `no`, the system:masters bypass, or the binding, role and `Role #index` of the rule that allows it. */
type Answer = 'no' | 'system:masters' | { binding: string; role: string; rule: string };

interface Question {
  who: UserInfo;
  ask: AuthorizationRequest;
  answer: Answer;
  why: string;
}

const NO = 'no';
const MASTERS = 'system:masters';

/** Allowed by `binding` granting `role`, through rule `index` of `from` (the role itself unless it is aggregated). */
function by(binding: string, role: string, index: number, from = role): Answer {
  return { binding, role, rule: `${from} #${index}` };
}

const byCluster = (binding: string, role: string, index: number, from?: string): Answer =>
  by(`ClusterRoleBinding ${binding}`, `ClusterRole ${role}`, index, from === undefined ? undefined : `ClusterRole ${from}`);

/** kubectl's RESOURCE[.GROUP][/SUBRESOURCE]: `pods/exec`, `deployments.apps/scale`. */
function resource(verb: string, what: string, where: { ns?: string; name?: string } = {}): AuthorizationRequest {
  const [typed = '', subresource] = what.split('/');
  const dot = typed.indexOf('.');
  return {
    type: 'resource',
    verb,
    group: dot < 0 ? '' : typed.slice(dot + 1),
    resource: dot < 0 ? typed : typed.slice(0, dot),
    ...(subresource === undefined ? {} : { subresource }),
    ...(where.name === undefined ? {} : { name: where.name }),
    ...(where.ns === undefined ? {} : { namespace: where.ns }),
  };
}

const url = (verb: string, path: string): AuthorizationRequest => ({ type: 'nonResource', verb, path });
const user = (name: string, ...groups: string[]): UserInfo => impersonated(name, groups);
const serviceAccount = (namespace: string, name: string): UserInfo => userOf({ kind: 'ServiceAccount', name, namespace });
const member = (group: string): UserInfo => userOf({ kind: 'Group', name: group });
const q = (who: UserInfo, ask: AuthorizationRequest, answer: Answer, why: string): Question => ({ who, ask, answer, why });

function answerOf(decision: Decision): Answer {
  if (!decision.allowed) return NO;
  if (decision.reason === 'system:masters') return MASTERS;
  assert.ok(decision.grant, 'an allowed rule decision names its grant');
  const { binding, role, rule } = decision.grant;
  return by(describeBinding(binding), describeRole(role), rule.index, describeRole(rule.from));
}

function titleOf({ who, ask, answer, why }: Question): string {
  return `${who.name || 'a member'} (${who.groups.join(', ')}) ${describeRequest(ask)}: ${answer === NO ? 'no' : 'yes'}, ${why}`;
}

function askAll(model: () => RbacModel, questions: readonly Question[]): void {
  for (const question of questions) {
    it(titleOf(question), () => assert.deepEqual(answerOf(model().authorize(question.who, question.ask)), question.answer, question.why));
  }
}

const modelOf = (yaml: string): RbacModel => RbacModel.fromObjects(objectsOf(yaml));

const vera = user('vera');
const gus = user('gus');
const cora = user('cora');
const pat = user('pat');
const ed = user('ed');
const sam = user('sam');
const pia = user('pia');
const nina = user('nina');
const tina = user('tina');
const paul = user('paul');
const abe = user('abe');
const una = user('una');

const RULE_MATCHING_QUESTIONS: Question[] = [
  q(vera, resource('get', 'configmaps', { ns: 'shop', name: 'app' }), byCluster('vera', 'any-verb-on-configmaps', 0), 'verb * matches get'),
  q(vera, resource('deletecollection', 'configmaps'), byCluster('vera', 'any-verb-on-configmaps', 0), 'verb * matches deletecollection, and a ClusterRoleBinding reaches all namespaces at once'),
  q(vera, resource('frobnicate', 'configmaps', { ns: 'shop' }), byCluster('vera', 'any-verb-on-configmaps', 0), 'verb * matches any verb, known to Kubernetes or not'),
  q(vera, resource('get', 'secrets', { ns: 'shop' }), NO, 'the resource must match: configmaps is not secrets'),
  q(vera, resource('get', 'configmaps.apps', { ns: 'shop' }), NO, 'the API group must match: "" is the core group only'),
  q(vera, resource('update', 'configmaps/status', { ns: 'shop', name: 'app' }), NO, 'configmaps does not grant its subresources'),
  q(vera, url('get', '/healthz'), NO, 'a resource rule never matches a non-resource URL, whatever its verbs'),

  q(gus, resource('get', 'deployments.apps', { ns: 'shop', name: 'web' }), byCluster('gus', 'deployments-in-any-group', 0), 'apiGroups * matches apps'),
  q(gus, resource('list', 'deployments.extensions'), byCluster('gus', 'deployments-in-any-group', 0), 'apiGroups * matches any group, old ones included'),
  q(gus, resource('get', 'deployments', { ns: 'shop', name: 'web' }), byCluster('gus', 'deployments-in-any-group', 0), 'apiGroups * matches the core group "" too'),
  q(gus, resource('get', 'deployments.apps/scale', { ns: 'shop', name: 'web' }), NO, 'deployments does not grant deployments/scale'),
  q(gus, resource('watch', 'deployments.apps', { ns: 'shop' }), NO, 'watch is not among the verbs'),
  q(gus, resource('get', 'statefulsets.apps', { ns: 'shop', name: 'db' }), NO, 'resources * was not granted, only deployments'),

  q(cora, resource('list', 'pods', { ns: 'shop' }), byCluster('cora', 'list-anything-core', 0), 'resources * matches pods'),
  q(cora, resource('list', 'secrets'), byCluster('cora', 'list-anything-core', 0), 'resources * matches secrets in every namespace'),
  q(cora, resource('list', 'pods/log', { ns: 'shop' }), byCluster('cora', 'list-anything-core', 0), 'resources * matches subresources as well'),
  q(cora, resource('list', 'widgets', { ns: 'shop' }), byCluster('cora', 'list-anything-core', 0), 'RBAC does not know which resources exist: * matches any name'),
  q(cora, resource('list', 'deployments.apps', { ns: 'shop' }), NO, 'resources * stays within apiGroups [""]'),
  q(cora, resource('get', 'pods', { ns: 'shop', name: 'web' }), NO, 'resources * does not widen the verbs'),

  q(pat, resource('get', 'pods', { ns: 'shop', name: 'web' }), byCluster('pat', 'pods-only', 0), 'pods matches pods exactly'),
  q(pat, resource('create', 'pods', { ns: 'shop' }), byCluster('pat', 'pods-only', 0), 'pods with create, without a name'),
  q(pat, resource('create', 'pods/exec', { ns: 'shop', name: 'web' }), NO, 'pods does not grant pods/exec'),
  q(pat, resource('get', 'pods/log', { ns: 'shop', name: 'web' }), NO, 'pods does not grant pods/log'),
  q(pat, resource('get', 'pods/status', { ns: 'shop', name: 'web' }), NO, 'pods does not grant pods/status'),
  q(pat, resource('delete', 'pods', { ns: 'shop', name: 'web' }), NO, 'delete is not among the verbs'),

  q(ed, resource('create', 'pods/exec', { ns: 'shop', name: 'web' }), byCluster('ed', 'exec-only', 0), 'pods/exec matches the exec subresource exactly'),
  q(ed, resource('get', 'pods/exec', { ns: 'shop', name: 'web' }), byCluster('ed', 'exec-only', 0), 'get on pods/exec, as a websocket exec asks'),
  q(ed, resource('get', 'pods', { ns: 'shop', name: 'web' }), NO, 'a subresource grants nothing on its parent'),
  q(ed, resource('create', 'pods/attach', { ns: 'shop', name: 'web' }), NO, 'pods/exec does not grant pods/attach'),

  q(sam, resource('create', 'pods/exec', { ns: 'shop', name: 'web' }), byCluster('sam', 'any-exec-or-scale', 0), '*/exec matches exec of any resource'),
  q(sam, resource('update', 'deployments.apps/scale', { ns: 'shop', name: 'web' }), byCluster('sam', 'any-exec-or-scale', 0), '*/scale matches deployments/scale'),
  q(sam, resource('get', 'statefulsets.apps/scale', { ns: 'shop', name: 'db' }), byCluster('sam', 'any-exec-or-scale', 0), '*/scale matches statefulsets/scale'),
  q(sam, resource('update', 'replicationcontrollers/scale', { ns: 'shop', name: 'old' }), byCluster('sam', 'any-exec-or-scale', 0), '*/scale in apiGroups * reaches the core group'),
  q(sam, resource('get', 'pods', { ns: 'shop', name: 'web' }), NO, '*/exec needs a subresource: it does not match pods'),
  q(sam, resource('create', 'pods/attach', { ns: 'shop', name: 'web' }), NO, '*/exec does not match attach'),
  q(sam, resource('get', 'deployments.apps/status', { ns: 'shop', name: 'web' }), NO, '*/scale does not match status'),
  q(sam, resource('create', 'pods/reexec', { ns: 'shop', name: 'web' }), NO, '*/exec names the whole subresource, not a suffix of it'),

  q(pia, resource('get', 'pods/log', { ns: 'shop', name: 'web' }), NO, 'pods/* is not a wildcard: it names a subresource called *'),
  q(pia, resource('create', 'pods/exec', { ns: 'shop', name: 'web' }), NO, 'pods/* does not grant pods/exec'),
  q(pia, resource('get', 'pods', { ns: 'shop', name: 'web' }), NO, 'pods/* does not grant pods'),
  q(pia, resource('get', 'pods/*', { ns: 'shop', name: 'web' }), byCluster('pia', 'literal-star-subresources', 0), 'pods/* matches a request for the subresource literally named *'),
  q(pia, resource('delete', 'pods/exec', { ns: 'shop', name: 'web' }), NO, '*/* matches only the subresource named *, not exec'),
  q(pia, resource('delete', 'pods/*', { ns: 'shop', name: 'web' }), byCluster('pia', 'literal-star-subresources', 1), '*/* matches the subresource named * of any resource'),

  q(nina, resource('get', 'configmaps', { ns: 'shop', name: 'app-settings' }), byCluster('nina', 'named-configmaps', 0), 'get names a listed resourceName'),
  q(nina, resource('update', 'configmaps', { ns: 'shop', name: 'feature-flags' }), byCluster('nina', 'named-configmaps', 0), 'update names a listed resourceName'),
  q(nina, resource('patch', 'configmaps', { ns: 'shop', name: 'app-settings' }), byCluster('nina', 'named-configmaps', 0), 'patch names a listed resourceName'),
  q(nina, resource('delete', 'configmaps', { ns: 'shop', name: 'feature-flags' }), byCluster('nina', 'named-configmaps', 0), 'delete names a listed resourceName'),
  q(nina, resource('get', 'configmaps', { ns: 'shop', name: 'db-config' }), NO, 'the name is not among the resourceNames'),
  q(nina, resource('get', 'configmaps', { ns: 'shop', name: 'App-Settings' }), NO, 'resourceNames match exactly, case included'),
  q(nina, resource('list', 'configmaps', { ns: 'shop' }), NO, 'a list of the collection has no name, so resourceNames cannot allow it'),
  q(nina, resource('watch', 'configmaps', { ns: 'shop' }), NO, 'a watch of the collection has no name'),
  q(nina, resource('list', 'configmaps', { ns: 'shop', name: 'app-settings' }), byCluster('nina', 'named-configmaps', 0), 'a list with fieldSelector metadata.name= carries that name'),
  q(nina, resource('watch', 'configmaps', { ns: 'shop', name: 'feature-flags' }), byCluster('nina', 'named-configmaps', 0), 'a watch of one object by metadata.name carries that name'),
  q(nina, resource('create', 'configmaps', { ns: 'shop' }), NO, 'create cannot be restricted by resourceName: its request has no name'),
  q(nina, resource('deletecollection', 'configmaps', { ns: 'shop' }), NO, 'deletecollection cannot be restricted by resourceName: it has no name'),

  q(tina, resource('list', 'secrets', { ns: 'shop' }), byCluster('tina', 'blank-resource-name', 0), 'resourceNames [""] matches the empty name of a nameless request'),
  q(tina, resource('list', 'secrets'), byCluster('tina', 'blank-resource-name', 0), 'resourceNames [""] lets a cluster-wide list read every secret'),
  q(tina, resource('get', 'secrets', { ns: 'shop', name: 'db-password' }), NO, 'resourceNames [""] matches no named secret'),

  q(paul, url('get', '/healthz'), byCluster('paul', 'probe-urls', 0), 'nonResourceURLs match exactly'),
  q(paul, url('get', '/healthz/etcd'), byCluster('paul', 'probe-urls', 0), '/healthz/* matches every path under /healthz/'),
  q(paul, url('get', '/healthz/'), byCluster('paul', 'probe-urls', 0), '/healthz/* matches /healthz/ itself: the prefix is what remains without the *'),
  q(paul, url('get', '/healthzx'), NO, '/healthz/* is a prefix with its slash; /healthz is exact'),
  q(paul, url('post', '/healthz'), NO, 'post is not among the verbs'),
  q(paul, url('get', '/metrics'), byCluster('paul', 'probe-urls', 0), '/metrics matches exactly'),
  q(paul, url('get', '/metrics/cadvisor'), NO, '/metrics has no *, so it matches no path below it'),
  q(paul, url('get', '/livez'), NO, '/livez is not listed'),
  q(paul, resource('get', 'pods', { ns: 'shop', name: 'web' }), NO, 'a nonResourceURLs rule grants no resource'),

  q(abe, url('get', '/apis/apps/v1'), byCluster('abe', 'api-tree', 0), 'trailing stars are all trimmed: /apis/** is the prefix /apis/'),
  q(abe, url('get', '/apis/'), byCluster('abe', 'api-tree', 0), 'the prefix /apis/ matches itself'),
  q(abe, url('get', '/apis'), NO, '/apis lacks the slash of the prefix /apis/'),
  q(abe, url('get', '/api/v1'), NO, '/api/v1 is not under /apis/'),

  q(una, url('get', '/openapi/v2'), byCluster('una', 'every-url', 0), 'nonResourceURLs * matches every path'),
  q(una, url('post', '/logs/kube-apiserver.log'), byCluster('una', 'every-url', 0), 'nonResourceURLs * with post'),
  q(una, url('get', '/'), byCluster('una', 'every-url', 0), 'nonResourceURLs * matches the root too'),
  q(una, url('delete', '/logs'), NO, 'delete is not among the verbs'),
  q(una, resource('get', 'configmaps', { ns: 'shop', name: 'app' }), NO, 'nonResourceURLs * grants no resource'),
];

const dana = user('dana');
const olga = user('olga');
const carl = user('carl');
const nora = user('nora');
const readPods = by('RoleBinding shop/read-pods', 'Role shop/pod-reader', 0);
const shopOwner = by('RoleBinding shop/shop-owner', 'ClusterRole namespace-owner', 0);

const BINDING_SCOPE_QUESTIONS: Question[] = [
  q(dana, resource('get', 'pods', { ns: 'shop', name: 'web' }), readPods, 'a RoleBinding grants its Role in its namespace'),
  q(dana, resource('get', 'pods/log', { ns: 'shop', name: 'web' }), readPods, 'pods/log is listed in the Role'),
  q(dana, resource('list', 'pods', { ns: 'payments' }), NO, 'a RoleBinding grants nothing outside its namespace'),
  q(dana, resource('list', 'pods'), NO, 'a RoleBinding does not reach a request across all namespaces'),
  q(dana, resource('create', 'pods/exec', { ns: 'shop', name: 'web' }), NO, 'pods/exec is not in the Role'),
  q(user('bo'), resource('get', 'pods', { ns: 'payments', name: 'web' }), NO, 'a RoleBinding\'s Role is looked up in its own namespace, and payments has none by that name'),
  q(user('bo'), resource('get', 'pods', { ns: 'shop', name: 'web' }), NO, 'a RoleBinding cannot borrow the Role of another namespace'),
  q(user('cliff'), resource('get', 'pods', { ns: 'shop', name: 'web' }), NO, 'a ClusterRoleBinding to a Role is refused and grants nothing'),
  q(user('cliff'), resource('list', 'pods'), NO, 'a ClusterRoleBinding to a Role grants nothing anywhere'),

  q(carl, resource('list', 'secrets', { ns: 'ci' }), by('RoleBinding ci/ci-secrets', 'ClusterRole secret-reader', 0), 'a RoleBinding to a ClusterRole grants its rules in the binding\'s namespace'),
  q(carl, resource('get', 'secrets', { ns: 'ci', name: 'token' }), by('RoleBinding ci/ci-secrets', 'ClusterRole secret-reader', 0), 'the ClusterRole\'s rules, scoped to ci'),
  q(carl, resource('list', 'secrets', { ns: 'shop' }), NO, 'a RoleBinding to a ClusterRole reaches no other namespace'),
  q(carl, resource('list', 'secrets'), NO, 'nor all namespaces at once'),
  q(carl, resource('list', 'nodes'), NO, 'a cluster-scoped request has no namespace, so no RoleBinding applies'),
  q(carl, resource('get', 'persistentvolumes', { name: 'pv-1' }), NO, 'persistentvolumes are cluster-scoped: RoleBindings cannot grant them'),
  q(nora, resource('list', 'nodes'), byCluster('node-readers', 'node-reader', 0), 'a ClusterRoleBinding grants cluster-scoped resources'),
  q(nora, resource('get', 'nodes', { name: 'node-1' }), byCluster('node-readers', 'node-reader', 0), 'a named cluster-scoped object'),
  q(nora, resource('get', 'persistentvolumes', { name: 'pv-1' }), byCluster('node-readers', 'node-reader', 0), 'persistentvolumes through a ClusterRoleBinding'),

  q(olga, resource('delete', 'deployments.apps', { ns: 'shop', name: 'web' }), shopOwner, 'full rights of * in a RoleBinding, within shop'),
  q(olga, resource('create', 'pods/exec', { ns: 'shop', name: 'web' }), shopOwner, 'resources * includes subresources'),
  q(olga, resource('create', 'roles.rbac.authorization.k8s.io', { ns: 'shop' }), shopOwner, 'even RBAC objects of its own namespace'),
  q(olga, resource('get', 'namespaces', { ns: 'shop', name: 'shop' }), shopOwner, 'a request for the namespace object carries that namespace, so the RoleBinding reaches it'),
  q(olga, resource('delete', 'namespaces', { ns: 'payments', name: 'payments' }), NO, 'another namespace object is out of scope'),
  q(olga, resource('list', 'deployments.apps', { ns: 'payments' }), NO, 'another namespace'),
  q(olga, resource('list', 'pods'), NO, 'all namespaces at once'),
  q(olga, resource('list', 'nodes'), NO, 'cluster-scoped resources stay out of a RoleBinding\'s reach'),
  q(olga, resource('create', 'clusterroles.rbac.authorization.k8s.io'), NO, 'cluster-scoped RBAC objects too'),
  q(olga, url('get', '/metrics'), NO, 'a non-resource request has no namespace, so RoleBindings are not consulted'),

  q(user('max'), url('get', '/metrics'), byCluster('metrics-readers', 'metrics-reader', 0), 'nonResourceURLs take effect through a ClusterRoleBinding'),
  q(user('rita'), url('get', '/metrics'), NO, 'nonResourceURLs of a ClusterRole bound by a RoleBinding have no effect'),
  q(user('rolf'), url('get', '/metrics'), NO, 'nonResourceURLs in a Role have no effect'),
  q(user('mia'), resource('get', 'pods', { ns: 'shop', name: 'web' }), NO, 'a binding to a role that does not exist grants nothing'),
];

const deployer = serviceAccount('shop', 'deployer');
const builder = serviceAccount('ci', 'builder');
const alice = user('alice');
const anonymous = user('system:anonymous');
const unauthenticatedAlice = user('alice', 'system:unauthenticated');
const configEditors = by('RoleBinding shop/config-editors', 'ClusterRole config-editor', 0);
const serviceLister = byCluster('all-service-accounts', 'service-lister', 0);
const ciJobs = by('RoleBinding ci/ci-service-accounts', 'ClusterRole job-runner', 0);
const selfReview = byCluster('everyone-signed-in', 'self-review', 0);
const liveness = byCluster('not-signed-in', 'liveness', 0);
const root = user('root', 'system:masters');

const SUBJECT_QUESTIONS: Question[] = [
  q(deployer, resource('get', 'configmaps', { ns: 'shop', name: 'app' }), configEditors, 'a ServiceAccount subject without a namespace names one of the RoleBinding\'s namespace'),
  q(serviceAccount('ci', 'deployer'), resource('get', 'configmaps', { ns: 'shop', name: 'app' }), NO, 'the same name in another namespace is another service account'),
  q(builder, resource('update', 'configmaps', { ns: 'shop', name: 'app' }), configEditors, 'a RoleBinding may name a service account of another namespace'),
  q(builder, resource('update', 'configmaps', { ns: 'ci', name: 'app' }), NO, 'it grants in the binding\'s namespace, not the service account\'s'),
  q(serviceAccount('default', 'orphan'), resource('get', 'configmaps', { ns: 'default', name: 'app' }), NO, 'a ServiceAccount subject without a namespace in a ClusterRoleBinding matches no one'),
  q(user('system:serviceaccount::orphan'), resource('get', 'configmaps', { ns: 'default', name: 'app' }), NO, 'not even a user whose name has an empty namespace'),

  q(builder, resource('list', 'services'), serviceLister, 'every service account is in system:serviceaccounts'),
  q(serviceAccount('monitoring', 'prometheus'), resource('list', 'services', { ns: 'shop' }), serviceLister, 'whatever its namespace'),
  q(alice, resource('list', 'services'), NO, 'a user is not in system:serviceaccounts'),
  q(user('system:serviceaccount:ci:builder', 'qa'), resource('list', 'services'), NO, 'impersonating with --as-group replaces the service account\'s groups'),
  q(builder, resource('create', 'jobs.batch', { ns: 'ci' }), ciJobs, 'a service account of ci is in system:serviceaccounts:ci'),
  q(deployer, resource('create', 'jobs.batch', { ns: 'ci' }), NO, 'a service account of shop is in system:serviceaccounts:shop only'),
  q(builder, resource('create', 'jobs.batch', { ns: 'shop' }), NO, 'the group\'s RoleBinding grants in ci only'),
  q(user('mallory', 'system:serviceaccounts:ci'), resource('create', 'jobs.batch', { ns: 'ci' }), ciJobs, 'groups are names: whoever carries system:serviceaccounts:ci is in it'),

  q(alice, resource('create', 'selfsubjectreviews.authentication.k8s.io'), selfReview, 'every authenticated user is in system:authenticated'),
  q(deployer, resource('create', 'selfsubjectreviews.authentication.k8s.io'), selfReview, 'service accounts are authenticated users'),
  q(member('system:authenticated'), resource('create', 'selfsubjectreviews.authentication.k8s.io'), selfReview, 'any member of the group'),
  q(anonymous, resource('create', 'selfsubjectreviews.authentication.k8s.io'), NO, 'the anonymous user is not authenticated'),
  q(unauthenticatedAlice, resource('create', 'selfsubjectreviews.authentication.k8s.io'), NO, 'impersonating with --as-group system:unauthenticated leaves system:authenticated out'),
  q(anonymous, url('get', '/livez'), liveness, 'the anonymous user is in system:unauthenticated'),
  q(unauthenticatedAlice, url('get', '/livez'), liveness, 'so is a user impersonated into that group'),
  q(member('system:unauthenticated'), url('get', '/livez'), liveness, 'any member of the group'),
  q(alice, url('get', '/livez'), NO, 'an authenticated user is not in system:unauthenticated'),
  q(anonymous, url('get', '/version'), byCluster('anonymous-version', 'version', 0), 'a User subject may name system:anonymous'),
  q(alice, url('get', '/version'), NO, 'a User subject names one user'),

  q(user('frank'), resource('get', 'leases.coordination.k8s.io', { ns: 'kube-system', name: 'x' }), NO, 'a Group subject does not match a user of the same name'),
  q(user('gina', 'frank'), resource('get', 'leases.coordination.k8s.io', { ns: 'kube-system', name: 'x' }), byCluster('group-frank', 'lease-reader', 0), 'it matches the members of the group'),
  q(builder, resource('list', 'events', { ns: 'shop' }), byCluster('builder-by-user-name', 'event-reader', 0), 'a User subject naming a service account\'s user name matches it'),
  q(deployer, resource('list', 'events', { ns: 'shop' }), NO, 'and no other service account'),
  q(alice, resource('list', 'events', { ns: 'shop' }), NO, 'a subject of an unknown kind matches no one'),

  q(root, resource('delete', 'nodes', { name: 'node-1' }), MASTERS, 'system:masters passes every check without a binding'),
  q(root, url('get', '/debug/pprof'), MASTERS, 'non-resource URLs too'),
  q(root, resource('create', 'pods/exec', { ns: 'kube-system', name: 'etcd' }), MASTERS, 'subresources in any namespace'),
  q(root, resource('escalate', 'clusterroles.rbac.authorization.k8s.io', { name: 'admin' }), MASTERS, 'RBAC escalation'),
  q(member('system:masters'), resource('impersonate', 'users', { name: 'alice' }), MASTERS, 'any member of the group'),
  q(user('system:serviceaccount:ci:builder', 'system:masters'), resource('delete', 'secrets', { ns: 'ci', name: 'token' }), MASTERS, 'a service account impersonated into the group'),
  q(user('root'), resource('delete', 'nodes', { name: 'node-1' }), NO, 'the name root means nothing without the group'),
];

const vic = user('vic');
const eve = user('eve');
const teamLead = member('team-leads');
const prometheus = serviceAccount('monitoring', 'prometheus');
const teamView = (index: number) => byCluster('team-viewers', 'team-view', index, 'team-view-pods');
const teamEdit = (from: string) => by('RoleBinding shop/team-editors', 'ClusterRole team-edit', 0, `ClusterRole ${from}`);
const teamAdmin = (from: string) => byCluster('team-admins', 'team-admin', 0, from);
const monitoring = (from: string, index = 0) => byCluster('prometheus', 'monitoring', index, from);

const AGGREGATION_QUESTIONS: Question[] = [
  q(vic, resource('list', 'pods', { ns: 'shop' }), teamView(0), 'an aggregated ClusterRole holds the rules of the roles its selector matches'),
  q(vic, resource('watch', 'services'), teamView(0), 'through a ClusterRoleBinding, everywhere'),
  q(vic, resource('delete', 'deployments.apps', { ns: 'shop', name: 'web' }), NO, 'team-view selects only the view label'),
  q(vic, resource('update', 'deployments.apps/scale', { ns: 'shop', name: 'web' }), NO, 'the edit rules are not in team-view'),

  q(eve, resource('update', 'deployments.apps/scale', { ns: 'shop', name: 'web' }), teamEdit('team-edit-apps'), 'team-edit holds the rules of roles labelled for it'),
  q(eve, resource('get', 'pods', { ns: 'shop', name: 'web' }), teamEdit('team-view-pods'), 'nested: team-view is labelled for team-edit, and brings what it aggregates'),
  q(eve, resource('delete', 'secrets', { ns: 'shop', name: 'token' }), NO, 'the controller overwrites an aggregated role\'s own rules: they grant nothing'),
  q(eve, resource('get', 'pods', { ns: 'payments', name: 'web' }), NO, 'an aggregated role bound by a RoleBinding is still scoped to shop'),
  q(eve, resource('create', 'roles.rbac.authorization.k8s.io', { ns: 'shop' }), NO, 'aggregation flows upwards only: admin rules are not in team-edit'),

  q(teamLead, resource('create', 'rolebindings.rbac.authorization.k8s.io', { ns: 'shop' }), teamAdmin('team-admin-rbac'), 'team-admin holds its own sources'),
  q(teamLead, resource('list', 'pods'), teamAdmin('team-view-pods'), 'and, two levels down, what team-view aggregates'),
  q(teamLead, resource('patch', 'deployments.apps', { ns: 'payments', name: 'web' }), teamAdmin('team-edit-apps'), 'and what team-edit aggregates'),
  q(teamLead, resource('delete', 'secrets', { ns: 'shop', name: 'token' }), NO, 'team-edit\'s overwritten rules do not flow up either'),

  q(prometheus, url('get', '/metrics'), monitoring('monitoring-metrics'), 'matchExpressions In: monitoring=metrics is selected'),
  q(prometheus, resource('list', 'endpoints'), monitoring('monitoring-metrics', 1), 'every rule of a selected role, at its own index'),
  q(prometheus, resource('get', 'pods/log', { ns: 'shop', name: 'web' }), monitoring('monitoring-logs'), 'matchExpressions In: monitoring=logs is selected'),
  q(prometheus, resource('create', 'pods/portforward', { ns: 'shop', name: 'web' }), NO, 'monitoring=traces is not In [metrics, logs]'),
  q(prometheus, resource('list', 'events'), NO, 'DoesNotExist: a role labelled deprecated is left out although In matches'),
  q(prometheus, resource('get', 'nodes/metrics', { name: 'node-1' }), monitoring('monitoring-kubelet'), 'a second selector (Exists, even with an empty value) adds roles'),
  q(prometheus, url('get', '/healthz'), NO, 'nothing selected grants /healthz'),

  q(user('lou'), resource('get', 'leases.coordination.k8s.io', { ns: 'kube-system', name: 'x' }), byCluster('loop-a', 'loop-a', 0, 'loop-leases'), 'a cycle of aggregated roles ends, and both share what feeds either'),
  q(user('lou'), resource('update', 'leases.coordination.k8s.io', { ns: 'kube-system', name: 'x' }), NO, 'the cycle adds no rule of its own'),
  q(user('lupe'), resource('get', 'leases.coordination.k8s.io', { ns: 'kube-system', name: 'x' }), byCluster('loop-b', 'loop-b', 0, 'loop-leases'), 'the other side of the cycle'),
  q(user('sid'), resource('get', 'secrets', { ns: 'shop', name: 'token' }), NO, 'a role never aggregates itself, and its own rules are overwritten'),
];

const moe = user('moe');

const MALFORMED_QUESTIONS: Question[] = [
  q(moe, resource('get', 'pods', { ns: 'shop', name: 'web' }), byCluster('sloppy-subjects', 'sloppy', 0), 'the string verbs of a rule count; 7 and null are ignored'),
  q(moe, resource('list', 'secrets', { ns: 'shop' }), NO, 'a verb that is a list is not a verb'),
  q(moe, resource('delete', 'pods', { ns: 'shop', name: 'web' }), NO, 'verbs given as a string rather than a list grant nothing'),
  q(moe, resource('get', 'configmaps', { ns: 'shop', name: 'app' }), NO, 'an API group that is a number matches no group'),
  q(moe, resource('get', 'services', { ns: 'shop', name: 'web' }), NO, 'verbs are case-sensitive: GET is not get'),
  q(moe, resource('list', 'endpoints', { ns: 'shop' }), NO, 'resources are case-sensitive: Endpoints is not endpoints'),
  q(moe, resource('get', 'nodes', { name: 'node-1' }), NO, 'resources given as a string grant nothing'),
  q(moe, resource('watch', 'events', { ns: 'shop' }), byCluster('sloppy-subjects', 'sloppy', 7), 'a well-formed rule after broken ones still counts, at its index'),
  q(user('zed'), resource('watch', 'events', { ns: 'shop' }), NO, 'a subject that is a bare string names no one'),
  q(user('rhea'), resource('watch', 'events', { ns: 'shop' }), NO, 'a roleRef of kind User binds nothing'),
  q(user('liz'), resource('watch', 'events', { ns: 'shop' }), NO, 'a RoleBinding of another API group is not RBAC'),
  q(user('7'), resource('get', 'pods', { ns: 'shop', name: 'web' }), NO, 'a subject whose name is a number is skipped'),
];

describe('RBAC authorizer: rule matching (verbs, groups, resources, subresources, names, URLs)', () => {
  const model = modelOf(RULE_MATCHING);
  askAll(() => model, RULE_MATCHING_QUESTIONS);
});

describe('RBAC authorizer: binding scope', () => {
  const model = modelOf(BINDING_SCOPE);
  askAll(() => model, BINDING_SCOPE_QUESTIONS);
});

describe('RBAC authorizer: subjects, implicit groups and system:masters', () => {
  const model = modelOf(SUBJECTS);
  askAll(() => model, SUBJECT_QUESTIONS);
});

describe('RBAC authorizer: ClusterRole aggregation', () => {
  const model = modelOf(AGGREGATION);
  askAll(() => model, AGGREGATION_QUESTIONS);
});

describe('RBAC authorizer: malformed entries', () => {
  const model = modelOf(MALFORMED);
  askAll(() => model, MALFORMED_QUESTIONS);
});

const OWN_QUESTIONS = [...RULE_MATCHING_QUESTIONS, ...BINDING_SCOPE_QUESTIONS, ...SUBJECT_QUESTIONS, ...AGGREGATION_QUESTIONS, ...MALFORMED_QUESTIONS];

it('asks at least 150 questions of its own fixtures, so the table stands without the shared data', () => {
  assert.ok(OWN_QUESTIONS.length >= 150, `${OWN_QUESTIONS.length} questions`);
});

const ada = user('ada');
const eddie = user('eddie');
const vince = user('vince');
const scheduler = user('system:kube-scheduler');
const deploymentController = serviceAccount('kube-system', 'deployment-controller');
const admin = (from: string, index: number) => by('RoleBinding shop/shop-admins', 'ClusterRole admin', index, `ClusterRole ${from}`);
const edit = (from: string, index: number) => by('RoleBinding shop/shop-editors', 'ClusterRole edit', index, `ClusterRole ${from}`);
const view = (index: number) => by('RoleBinding shop/shop-viewers', 'ClusterRole view', index, 'ClusterRole system:aggregate-to-view');

const DEFAULT_ROLE_QUESTIONS: Question[] = [
  q(ada, resource('create', 'rolebindings.rbac.authorization.k8s.io', { ns: 'shop' }), admin('system:aggregate-to-admin', 1), 'admin is empty as shipped: its rules come from the roles labelled aggregate-to-admin'),
  q(ada, resource('create', 'localsubjectaccessreviews.authorization.k8s.io', { ns: 'shop' }), admin('system:aggregate-to-admin', 0), 'the first rule of system:aggregate-to-admin'),
  q(ada, resource('get', 'secrets', { ns: 'shop', name: 'token' }), admin('system:aggregate-to-edit', 0), 'edit is labelled aggregate-to-admin, so admin holds what edit aggregates'),
  q(ada, resource('create', 'pods/exec', { ns: 'shop', name: 'web' }), admin('system:aggregate-to-edit', 2), 'exec comes to admin through edit'),
  q(ada, resource('list', 'pods', { ns: 'payments' }), NO, 'admin bound by a RoleBinding stays in shop'),
  q(ada, resource('create', 'clusterrolebindings.rbac.authorization.k8s.io'), NO, 'admin bound by a RoleBinding grants nothing cluster-scoped'),

  q(eddie, resource('create', 'pods/exec', { ns: 'shop', name: 'web' }), edit('system:aggregate-to-edit', 2), 'edit grants create on pods/exec'),
  q(eddie, resource('get', 'pods/exec', { ns: 'shop', name: 'web' }), edit('system:aggregate-to-edit', 0), 'and get on it, which a websocket exec needs'),
  q(eddie, resource('impersonate', 'serviceaccounts', { ns: 'shop', name: 'default' }), edit('system:aggregate-to-edit', 1), 'edit may impersonate the service accounts of its namespace'),
  q(eddie, resource('create', 'serviceaccounts/token', { ns: 'shop', name: 'default' }), edit('system:aggregate-to-edit', 5), 'and request their tokens'),
  q(eddie, resource('update', 'deployments.apps/scale', { ns: 'shop', name: 'web' }), edit('system:aggregate-to-edit', 6), 'deployments/scale is listed in apps'),
  q(eddie, resource('get', 'pods', { ns: 'shop', name: 'web' }), edit('system:aggregate-to-view', 0), 'view is labelled aggregate-to-edit: reading comes from it'),
  q(eddie, resource('create', 'rolebindings.rbac.authorization.k8s.io', { ns: 'shop' }), NO, 'RBAC objects are admin only'),
  q(eddie, resource('create', 'localsubjectaccessreviews.authorization.k8s.io', { ns: 'shop' }), NO, 'admin only as well'),

  q(vince, resource('get', 'pods/log', { ns: 'shop', name: 'web' }), view(1), 'view reads logs'),
  q(vince, resource('list', 'deployments.apps', { ns: 'shop' }), view(4), 'view reads apps'),
  q(vince, resource('get', 'namespaces', { ns: 'shop', name: 'shop' }), view(2), 'view reads its own namespace object'),
  q(vince, resource('get', 'secrets', { ns: 'shop', name: 'token' }), NO, 'view leaves secrets out'),
  q(vince, resource('get', 'pods/exec', { ns: 'shop', name: 'web' }), NO, 'view grants no exec'),
  q(vince, resource('list', 'configmaps', { ns: 'payments' }), NO, 'view bound in shop reads nothing in payments'),

  q(alice, resource('create', 'selfsubjectaccessreviews.authorization.k8s.io'), byCluster('system:basic-user', 'system:basic-user', 0), 'every authenticated user may ask what it may do'),
  q(alice, url('get', '/api/v1'), byCluster('system:discovery', 'system:discovery', 0), 'discovery for authenticated users, /api/*'),
  q(alice, url('get', '/version'), byCluster('system:discovery', 'system:discovery', 0), 'discovery and public-info-viewer both allow it: the first binding visited decides'),
  q(anonymous, url('get', '/healthz'), byCluster('system:public-info-viewer', 'system:public-info-viewer', 0), 'health for everyone, signed in or not; the binding before it names a role that does not exist'),
  q(anonymous, url('get', '/version/'), byCluster('system:public-info-viewer', 'system:public-info-viewer', 0), '/version/ is listed exactly'),
  q(anonymous, url('get', '/api'), NO, 'discovery is bound to system:authenticated only'),
  q(anonymous, resource('create', 'selfsubjectaccessreviews.authorization.k8s.io'), NO, 'basic-user is bound to system:authenticated only'),
  q(deploymentController, resource('create', 'replicasets.apps', { ns: 'shop' }), byCluster('system:controller:deployment-controller', 'system:controller:deployment-controller', 3), 'a controller\'s service account, bound cluster-wide'),
  q(deploymentController, resource('delete', 'deployments.apps', { ns: 'shop', name: 'web' }), NO, 'the deployment controller only updates deployments'),
  q(deploymentController, url('get', '/openid/v1/jwks'), byCluster('system:service-account-issuer-discovery', 'system:service-account-issuer-discovery', 0), 'service accounts read the issuer keys through system:serviceaccounts'),
  q(alice, url('get', '/openid/v1/jwks'), NO, 'users do not'),
  q(scheduler, resource('create', 'pods/binding', { ns: 'shop', name: 'web' }), byCluster('system:kube-scheduler', 'system:kube-scheduler', 6), 'the scheduler binds pods'),
  q(scheduler, resource('update', 'pods', { ns: 'shop', name: 'web' }), NO, 'but does not update them'),
  q(scheduler, resource('get', 'configmaps', { ns: 'kube-system', name: 'extension-apiserver-authentication' }), by('RoleBinding kube-system/system::extension-apiserver-authentication-reader', 'Role kube-system/extension-apiserver-authentication-reader', 0), 'a RoleBinding of kube-system grants one named configmap'),
  q(scheduler, resource('get', 'configmaps', { ns: 'default', name: 'extension-apiserver-authentication' }), NO, 'in kube-system only'),
  q(scheduler, resource('list', 'configmaps', { ns: 'kube-system' }), NO, 'resourceNames cannot allow a list of the collection'),
  q(scheduler, resource('watch', 'configmaps', { ns: 'kube-system' }), by('RoleBinding kube-system/system::leader-locking-kube-scheduler', 'Role kube-system/system::leader-locking-kube-scheduler', 0), 'the leader-locking Role lets it watch without a name'),
  q(user('system:kube-controller-manager'), resource('list', 'secrets'), byCluster('system:kube-controller-manager', 'system:kube-controller-manager', 9), 'list and watch on */* in every group'),
  q(user('system:kube-controller-manager'), resource('delete', 'configmaps', { ns: 'kube-system', name: 'x' }), NO, 'it deletes secrets, not configmaps'),
  q(user('system:kube-proxy'), resource('list', 'endpointslices.discovery.k8s.io'), byCluster('system:node-proxier', 'system:node-proxier', 3), 'kube-proxy lists endpoint slices'),
  q(user('system:node:node-1', 'system:nodes'), resource('get', 'secrets', { ns: 'shop', name: 'token' }), NO, 'the system:node ClusterRoleBinding has no subjects: nodes are authorized by the Node authorizer'),
  q(user('kubernetes-admin', 'system:masters'), resource('delete', 'namespaces', { ns: 'kube-system', name: 'kube-system' }), MASTERS, 'system:masters is decided before the cluster-admin binding is consulted'),
];

const sharedRbac = sharedData('k8s-rbac-bootstrap');
let defaultsModel: RbacModel | undefined;
function defaults(): RbacModel {
  defaultsModel ??= RbacModel.fromObjects([...bootstrapRbac(sharedRbac!).filter(isRecord) as K8sObject[], ...objectsOf(DEFAULT_ROLE_BINDINGS)]);
  return defaultsModel;
}

describe('RBAC authorizer: Kubernetes default roles and bindings, as an offline scan reads them', { skip: sharedRbac === undefined }, () => {
  askAll(defaults, DEFAULT_ROLE_QUESTIONS);
});

const subjectsOf = (allowed: ReturnType<typeof whoCan>) => allowed.map(({ subject, via }) => [describeSubject(subject), via.map(({ binding, role }) => `${describeBinding(binding)} -> ${describeRole(role)}`)]);

describe('who can and permissions of, on the same fixtures', () => {
  it('who can: a RoleBinding\'s namespace-less service account is listed in the binding\'s namespace, the ClusterRoleBinding\'s not at all', () => {
    assert.deepEqual(subjectsOf(whoCan(modelOf(SUBJECTS), resource('get', 'configmaps', { ns: 'shop', name: 'app' }))), [
      ['ServiceAccount ci/builder', ['RoleBinding shop/config-editors -> ClusterRole config-editor']],
      ['ServiceAccount shop/deployer', ['RoleBinding shop/config-editors -> ClusterRole config-editor']],
    ]);
  });

  it('who can: RoleBindings answer for their own namespace; a ClusterRoleBinding to a Role and a borrowed Role answer nothing', () => {
    const model = modelOf(BINDING_SCOPE);
    assert.deepEqual(subjectsOf(whoCan(model, resource('list', 'secrets'))), [
      ['User carl', ['RoleBinding ci/ci-secrets -> ClusterRole secret-reader']],
      ['User olga', ['RoleBinding shop/shop-owner -> ClusterRole namespace-owner']],
    ]);
    assert.deepEqual(subjectsOf(whoCan(model, resource('get', 'pods', { ns: 'shop', name: 'web' }))), [
      ['User dana', ['RoleBinding shop/read-pods -> Role shop/pod-reader']],
      ['User olga', ['RoleBinding shop/shop-owner -> ClusterRole namespace-owner']],
    ]);
    assert.deepEqual(subjectsOf(whoCan(model, url('get', '/metrics'))), [['User max', ['ClusterRoleBinding metrics-readers -> ClusterRole metrics-reader']]]);
  });

  it('who can: aggregated roles answer with the rules they aggregate, never with their overwritten own', () => {
    const model = modelOf(AGGREGATION);
    assert.deepEqual(subjectsOf(whoCan(model, resource('delete', 'secrets', { ns: 'shop', name: 'token' }))), []);
    assert.deepEqual(subjectsOf(whoCan(model, resource('get', 'pods/log', { ns: 'shop', name: 'web' }))), [
      ['ServiceAccount monitoring/prometheus', ['ClusterRoleBinding prometheus -> ClusterRole monitoring']],
    ]);
    assert.deepEqual(subjectsOf(whoCan(model, resource('get', 'pods', { ns: 'shop', name: 'web' }))).map(([subject]) => subject), ['Group team-leads', 'User eve', 'User vic']);
  });

  it('permissions of: one scope per namespace, the aggregated sources merged, the overwritten rule absent', () => {
    const scopes = permissionsOf(modelOf(AGGREGATION), eve);
    const via = [{ binding: { kind: 'RoleBinding', name: 'team-editors', namespace: 'shop' }, role: { kind: 'ClusterRole', name: 'team-edit' } }];
    assert.deepEqual(scopes, [{
      namespace: 'shop',
      rules: [
        { rule: { apiGroups: ['apps'], resources: ['deployments', 'deployments/scale'], resourceNames: [], nonResourceURLs: [], verbs: ['create', 'delete', 'patch', 'update'] }, via },
        { rule: { apiGroups: [''], resources: ['pods', 'services'], resourceNames: [], nonResourceURLs: [], verbs: ['get', 'list', 'watch'] }, via },
      ],
    }]);
  });

  it('permissions of: a service account holds its implicit groups\' rules cluster-wide and its RoleBinding\'s in shop', () => {
    const scopes = permissionsOf(modelOf(SUBJECTS), deployer);
    const summary = scopes.map(({ namespace, rules }) => [namespace ?? 'cluster', rules.map(({ rule, via }) => `${rule.verbs.join(',')} ${rule.resources.join(',')} via ${via.map(({ binding }) => binding.name).join(',')}`)]);
    assert.deepEqual(summary, [
      ['cluster', ['list services via all-service-accounts', 'create selfsubjectreviews via everyone-signed-in']],
      ['shop', ['get,update configmaps via config-editors']],
    ]);
  });

  it('who can: on the default roles, exec in shop is for system:masters through cluster-admin and for admin and edit bound there', { skip: sharedRbac === undefined }, () => {
    assert.deepEqual(subjectsOf(whoCan(defaults(), resource('create', 'pods/exec', { ns: 'shop', name: 'web' }))), [
      ['Group system:masters', ['ClusterRoleBinding cluster-admin -> ClusterRole cluster-admin']],
      ['User ada', ['RoleBinding shop/shop-admins -> ClusterRole admin']],
      ['User eddie', ['RoleBinding shop/shop-editors -> ClusterRole edit']],
    ]);
  });
});
