/**
 * RBAC objects for the authorizer's question table (authorize.test.ts), one small cluster per semantic it proves.
 * Most users are bound once, so the binding that decides is never in doubt.
 */
import { loadAll } from 'js-yaml';
import { isRecord, type K8sObject } from '../model/k8s.js';

export function objectsOf(yaml: string): K8sObject[] {
  return loadAll(yaml).filter(isRecord) as K8sObject[];
}

/** Verbs, API groups, resources, subresources, resourceNames and nonResourceURLs: one ClusterRole per matcher. */
export const RULE_MATCHING = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: any-verb-on-configmaps}
rules:
  - {apiGroups: [""], resources: [configmaps], verbs: ["*"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: deployments-in-any-group}
rules:
  - {apiGroups: ["*"], resources: [deployments], verbs: [get, list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: list-anything-core}
rules:
  - {apiGroups: [""], resources: ["*"], verbs: [list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pods-only}
rules:
  - {apiGroups: [""], resources: [pods], verbs: [get, create]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: exec-only}
rules:
  - {apiGroups: [""], resources: [pods/exec], verbs: [create, get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: any-exec-or-scale}
rules:
  - {apiGroups: ["*"], resources: ["*/exec", "*/scale"], verbs: [create, get, update]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: literal-star-subresources}
rules:
  - {apiGroups: [""], resources: ["pods/*"], verbs: [get, create]}
  - {apiGroups: [""], resources: ["*/*"], verbs: [delete]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: named-configmaps}
rules:
  - apiGroups: [""]
    resources: [configmaps]
    resourceNames: [app-settings, feature-flags]
    verbs: [get, list, watch, create, update, patch, delete, deletecollection]
---
# What a chart renders from resourceNames: ["{{ .Values.secretName }}"] when the value is unset.
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: blank-resource-name}
rules:
  - {apiGroups: [""], resources: [secrets], resourceNames: [""], verbs: [get, list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: probe-urls}
rules:
  - {nonResourceURLs: [/healthz, /healthz/*, /metrics], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: api-tree}
rules:
  - {nonResourceURLs: ["/apis/**"], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: every-url}
rules:
  - {nonResourceURLs: ["*"], verbs: [get, post]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: vera}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: any-verb-on-configmaps}
subjects: [{kind: User, name: vera}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: gus}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: deployments-in-any-group}
subjects: [{kind: User, name: gus}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: cora}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: list-anything-core}
subjects: [{kind: User, name: cora}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: pat}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pods-only}
subjects: [{kind: User, name: pat}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ed}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: exec-only}
subjects: [{kind: User, name: ed}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: sam}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: any-exec-or-scale}
subjects: [{kind: User, name: sam}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: pia}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: literal-star-subresources}
subjects: [{kind: User, name: pia}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: nina}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: named-configmaps}
subjects: [{kind: User, name: nina}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: tina}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: blank-resource-name}
subjects: [{kind: User, name: tina}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: paul}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: probe-urls}
subjects: [{kind: User, name: paul}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: abe}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: api-tree}
subjects: [{kind: User, name: abe}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: una}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: every-url}
subjects: [{kind: User, name: una}]
`;

/** Where a grant reaches: RoleBindings in their namespace only, ClusterRoleBindings everywhere, and what never binds. */
export const BINDING_SCOPE = `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: shop}
rules:
  - {apiGroups: [""], resources: [pods, pods/log], verbs: [get, list, watch]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
subjects: [{kind: User, name: dana}]
---
# Names the Role of shop from payments: a RoleBinding's Role is looked up in its own namespace, where there is none.
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: borrowed-role, namespace: payments}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
subjects: [{kind: User, name: bo}]
---
# A ClusterRoleBinding can only grant a ClusterRole; the API server refuses this one, and the authorizer could not
# resolve it anyway.
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: role-everywhere}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
subjects: [{kind: User, name: cliff}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: secret-reader}
rules:
  - {apiGroups: [""], resources: [secrets], verbs: [get, list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-secrets, namespace: ci}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
subjects: [{kind: User, name: carl}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: node-reader}
rules:
  - {apiGroups: [""], resources: [nodes, persistentvolumes], verbs: [get, list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-nodes, namespace: ci}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-reader}
subjects: [{kind: User, name: carl}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: node-readers}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-reader}
subjects: [{kind: User, name: nora}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: namespace-owner}
rules:
  - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
  - {nonResourceURLs: ["*"], verbs: ["*"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: shop-owner, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: namespace-owner}
subjects: [{kind: User, name: olga}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: metrics-reader}
rules:
  - {nonResourceURLs: [/metrics], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: metrics-readers}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: metrics-reader}
subjects: [{kind: User, name: max}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: metrics-in-shop, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: metrics-reader}
subjects: [{kind: User, name: rita}]
---
# The API server refuses nonResourceURLs in a Role; read anyway, it can only ever be bound by a RoleBinding.
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: metrics-url, namespace: shop}
rules:
  - {nonResourceURLs: [/metrics], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: metrics-url, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: metrics-url}
subjects: [{kind: User, name: rolf}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: missing-role, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: does-not-exist}
subjects: [{kind: User, name: mia}]
`;

/** Users, groups and service accounts, the groups every user is put in, and subjects that match no one. */
export const SUBJECTS = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: config-editor}
rules:
  - {apiGroups: [""], resources: [configmaps], verbs: [get, update]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: config-editors, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: config-editor}
subjects:
  - {kind: ServiceAccount, name: deployer}
  - {kind: ServiceAccount, name: builder, namespace: ci}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: config-editors-everywhere}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: config-editor}
subjects:
  - {kind: ServiceAccount, name: orphan}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: service-lister}
rules:
  - {apiGroups: [""], resources: [services], verbs: [list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: all-service-accounts}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: service-lister}
subjects: [{kind: Group, name: "system:serviceaccounts"}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: job-runner}
rules:
  - {apiGroups: [batch], resources: [jobs], verbs: [create]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-service-accounts, namespace: ci}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: job-runner}
subjects: [{kind: Group, name: "system:serviceaccounts:ci"}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: self-review}
rules:
  - {apiGroups: [authentication.k8s.io], resources: [selfsubjectreviews], verbs: [create]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: everyone-signed-in}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: self-review}
subjects: [{kind: Group, name: "system:authenticated"}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: liveness}
rules:
  - {nonResourceURLs: [/livez], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: not-signed-in}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: liveness}
subjects: [{kind: Group, name: "system:unauthenticated"}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: version}
rules:
  - {nonResourceURLs: [/version], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: anonymous-version}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: version}
subjects: [{kind: User, name: "system:anonymous"}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: lease-reader}
rules:
  - {apiGroups: [coordination.k8s.io], resources: [leases], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: group-frank}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: lease-reader}
subjects: [{kind: Group, name: frank}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: event-reader}
rules:
  - {apiGroups: [""], resources: [events], verbs: [list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: builder-by-user-name}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: event-reader}
subjects: [{kind: User, name: "system:serviceaccount:ci:builder"}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: unknown-subject-kind}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: event-reader}
subjects: [{kind: Team, name: alice}]
`;

/**
 * Nested aggregation with labels of our own (team-view feeds team-edit, team-edit feeds team-admin), matchExpressions
 * and several selectors, a cycle, and a role that selects itself.
 */
export const AGGREGATION = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: team-view
  labels: {example.com/aggregate-to-team-edit: "true"}
aggregationRule:
  clusterRoleSelectors: [{matchLabels: {example.com/aggregate-to-team-view: "true"}}]
---
# The controller manager overwrites the rules of an aggregated role: the delete on secrets below never takes effect.
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: team-edit
  labels: {example.com/aggregate-to-team-admin: "true"}
aggregationRule:
  clusterRoleSelectors: [{matchLabels: {example.com/aggregate-to-team-edit: "true"}}]
rules:
  - {apiGroups: [""], resources: [secrets], verbs: [delete]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: team-admin}
aggregationRule:
  clusterRoleSelectors: [{matchLabels: {example.com/aggregate-to-team-admin: "true"}}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: team-view-pods
  labels: {example.com/aggregate-to-team-view: "true"}
rules:
  - {apiGroups: [""], resources: [pods, services], verbs: [get, list, watch]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: team-edit-apps
  labels: {example.com/aggregate-to-team-edit: "true"}
rules:
  - {apiGroups: [apps], resources: [deployments, deployments/scale], verbs: [create, update, patch, delete]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: team-admin-rbac
  labels: {example.com/aggregate-to-team-admin: "true"}
rules:
  - {apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: ["*"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: monitoring}
aggregationRule:
  clusterRoleSelectors:
    - matchExpressions:
        - {key: example.com/monitoring, operator: In, values: [metrics, logs]}
        - {key: example.com/deprecated, operator: DoesNotExist}
    - matchExpressions:
        - {key: example.com/monitoring-extra, operator: Exists}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring-metrics
  labels: {example.com/monitoring: metrics}
rules:
  - {nonResourceURLs: [/metrics], verbs: [get]}
  - {apiGroups: [""], resources: [endpoints], verbs: [list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring-logs
  labels: {example.com/monitoring: logs}
rules:
  - {apiGroups: [""], resources: [pods/log], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring-traces
  labels: {example.com/monitoring: traces}
rules:
  - {apiGroups: [""], resources: [pods/portforward], verbs: [create]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring-old-events
  labels: {example.com/monitoring: logs, example.com/deprecated: "2024"}
rules:
  - {apiGroups: [""], resources: [events], verbs: [list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring-kubelet
  labels: {example.com/monitoring-extra: ""}
rules:
  - {apiGroups: [""], resources: [nodes/metrics], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: loop-a
  labels: {example.com/loop: a}
aggregationRule:
  clusterRoleSelectors: [{matchLabels: {example.com/loop: b}}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: loop-b
  labels: {example.com/loop: b}
aggregationRule:
  clusterRoleSelectors: [{matchLabels: {example.com/loop: a}}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: loop-leases
  labels: {example.com/loop: a}
rules:
  - {apiGroups: [coordination.k8s.io], resources: [leases], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: selects-itself
  labels: {example.com/self: "true"}
aggregationRule:
  clusterRoleSelectors: [{matchLabels: {example.com/self: "true"}}]
rules:
  - {apiGroups: [""], resources: [secrets], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: team-viewers}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: team-view}
subjects: [{kind: User, name: vic}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: team-editors, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: team-edit}
subjects: [{kind: User, name: eve}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: team-admins}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: team-admin}
subjects: [{kind: Group, name: team-leads}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: prometheus}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring}
subjects: [{kind: ServiceAccount, name: prometheus, namespace: monitoring}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: loop-a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: loop-a}
subjects: [{kind: User, name: lou}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: loop-b}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: loop-b}
subjects: [{kind: User, name: lupe}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: selects-itself}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: selects-itself}
subjects: [{kind: User, name: sid}]
`;

/** Entries of the wrong type, as hand-edited or templated manifests carry them: they never grant anything. */
export const MALFORMED = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: sloppy}
rules:
  - {apiGroups: [""], resources: [pods], verbs: [get, 7, null]}
  - {apiGroups: [""], resources: [secrets], verbs: [[list]]}
  - {apiGroups: [""], resources: ["*"], verbs: "*"}
  - {apiGroups: [1], resources: [configmaps], verbs: [get]}
  - {apiGroups: [""], resources: [services], verbs: [GET]}
  - {apiGroups: [""], resources: [Endpoints], verbs: [list]}
  - {apiGroups: [""], resources: nodes, verbs: [get]}
  - {apiGroups: [""], resources: [events], verbs: [watch]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: sloppy-subjects}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: sloppy}
subjects:
  - {kind: User, name: 7}
  - {kind: User}
  - zed
  - {kind: User, name: moe}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: role-ref-to-a-user}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: User, name: sloppy}
subjects: [{kind: User, name: rhea}]
---
apiVersion: example.com/v1
kind: RoleBinding
metadata: {name: look-alike, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: sloppy}
subjects: [{kind: User, name: liz}]
`;

/** Bound beside Kubernetes' own default roles: the aggregated admin, edit and view, granted in one namespace. */
export const DEFAULT_ROLE_BINDINGS = `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: shop-admins, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
subjects: [{kind: User, name: ada}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: shop-editors, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects: [{kind: User, name: eddie}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: shop-viewers, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: User, name: vince}]
`;
