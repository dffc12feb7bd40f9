/** The requests that give an identity each capability in a namespace, and why holding it matters. */
import type { ResourceRequest } from '../request.js';
import { ask, WRITES } from './asking.js';
import type { CapabilityKind } from './nodes.js';

const POD_CONTROLLERS: readonly [string, string][] = [
  ['apps', 'deployments'],
  ['apps', 'daemonsets'],
  ['apps', 'statefulsets'],
  ['apps', 'replicasets'],
  ['batch', 'jobs'],
  ['batch', 'cronjobs'],
  ['', 'replicationcontrollers'],
];

export type NamespacedCapability = Exclude<CapabilityKind, 'admin' | 'users' | 'groups'>;

/** The requests that give each capability, the most direct first (it is the one named in the explanation). */
export const CAPABILITY_REQUESTS: Record<NamespacedCapability, (namespace: string | undefined) => ResourceRequest[]> = {
  pods: (namespace) => [
    ask('create', '', 'pods', { namespace }),
    ...POD_CONTROLLERS.flatMap(([group, resource]) => WRITES.map((verb) => ask(verb, group, resource, { namespace }))),
  ],
  exec: (namespace) => [
    ask('create', '', 'pods', { subresource: 'exec', namespace }),
    ask('create', '', 'pods', { subresource: 'attach', namespace }),
    ...['update', 'patch'].map((verb) => ask(verb, '', 'pods', { subresource: 'ephemeralcontainers', namespace })),
    ...['update', 'patch'].map((verb) => ask(verb, '', 'pods', { namespace })),
  ],
  secrets: (namespace) => ['get', 'list', 'watch'].map((verb) => ask(verb, '', 'secrets', { namespace })),
  accounts: (namespace) => [ask('create', '', 'serviceaccounts', { subresource: 'token', namespace }), ask('impersonate', '', 'serviceaccounts', { namespace })],
};

export const WHY: Record<Exclude<CapabilityKind, 'users' | 'groups'>, string> = {
  admin: 'every verb on every resource of the namespace',
  pods: 'a pod may run as any service account of its namespace and mount any of its Secrets',
  exec: 'code run inside a running pod (exec, attach, an ephemeral container or a swapped image) holds the token mounted there',
  secrets: "a service-account token Secret holds that account's credentials",
  accounts: "a TokenRequest or impersonation acts with a service account's rights",
};

