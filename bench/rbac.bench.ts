/**
 * `npm run bench`, third part: RBAC analysis at scale. A seeded estate of 5,000 subjects, 2,000 roles and 10,000
 * bindings (rbac-estate.ts), analysed in this process as `kspm rbac` analyses a cluster once read:
 *
 *   node --import tsx bench/rbac.bench.ts [--subjects N] [--roles N] [--bindings N] [--seed N]
 *
 * who-can: 24 questions (verbs, resources, subresources, namespaces, non-resource URLs), each asked once to warm up
 * and then timed; the median and the slowest are reported. review: a full access review, system subjects included.
 * escalation: the search for every subject's escalation paths. Prints the goals' verdicts; timings never fail it.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { clusterViewOf } from '../src/rbac/cluster-view.js';
import { findEscalationPaths } from '../src/rbac/escalation/index.js';
import { whoCan } from '../src/rbac/queries.js';
import type { AuthorizationRequest } from '../src/rbac/request.js';
import { buildReview } from '../src/rbac/review/index.js';
import { generateRbacEstate } from './rbac-estate.js';

const GOALS = { whoCanMedianMs: 100, reviewS: 5, escalationS: 10 } as const;

const { values } = parseArgs({
  options: {
    subjects: { type: 'string', default: '5000' },
    roles: { type: 'string', default: '2000' },
    bindings: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
  },
});

function questions(): AuthorizationRequest[] {
  const resource = (verb: string, group: string, name: string, extra: Partial<AuthorizationRequest> = {}): AuthorizationRequest =>
    ({ type: 'resource', verb, group, resource: name, ...extra }) as AuthorizationRequest;
  const asked: AuthorizationRequest[] = [];
  for (const namespace of [undefined, 'team-007', 'team-042']) {
    const where = namespace ? { namespace } : {};
    asked.push(
      resource('get', '', 'secrets', where),
      resource('list', '', 'secrets', where),
      resource('create', '', 'pods', where),
      resource('create', '', 'pods', { ...where, subresource: 'exec' }),
      resource('update', 'apps', 'deployments', where),
      resource('create', '', 'serviceaccounts', { ...where, subresource: 'token' }),
      resource('bind', 'rbac.authorization.k8s.io', 'rolebindings', where),
    );
  }
  asked.push(resource('get', '', 'nodes', { subresource: 'proxy' }), resource('impersonate', '', 'users'), { type: 'nonResource', verb: 'get', path: '/metrics' });
  return asked;
}

const median = (numbers: number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

const options = { subjects: Number(values.subjects), roles: Number(values.roles), bindings: Number(values.bindings), seed: Number(values.seed) };
const estate = timed(() => generateRbacEstate(options));
process.stdout.write(`estate: ${estate.result.counts.subjects} subjects, ${estate.result.counts.roles} roles, ${estate.result.counts.bindings} bindings, ${estate.result.counts.namespaces} namespaces, ${estate.result.counts.workloads} workloads (seed ${options.seed}, ${estate.ms.toFixed(0)} ms)\n`);
const view = timed(() => clusterViewOf(estate.result.objects));
process.stdout.write(`read into the RBAC model: ${view.ms.toFixed(0)} ms\n`);

const asked = questions();
for (const request of asked) whoCan(view.result.model, request);
const answers = asked.map((request) => timed(() => whoCan(view.result.model, request)));
const whoCanTimes = answers.map((answer) => answer.ms);
const review = timed(() => buildReview(view.result, { includeSystem: true }));
const escalation = timed(() => findEscalationPaths(view.result));

const rows: [string, string, string][] = [
  ['who-can median ms', median(whoCanTimes).toFixed(1), `goal <= ${GOALS.whoCanMedianMs}: ${verdict(median(whoCanTimes) <= GOALS.whoCanMedianMs)}`],
  ['who-can slowest ms', Math.max(...whoCanTimes).toFixed(1), `${asked.length} questions, ${answers.reduce((sum, answer) => sum + answer.result.length, 0)} subjects allowed in all`],
  ['review s', (review.ms / 1000).toFixed(2), `goal <= ${GOALS.reviewS}: ${verdict(review.ms / 1000 <= GOALS.reviewS)}; ${review.result.rows.length} rows`],
  ['escalation search s', (escalation.ms / 1000).toFixed(2), `goal <= ${GOALS.escalationS}: ${verdict(escalation.ms / 1000 <= GOALS.escalationS)}; ${escalation.result.length} paths`],
];
process.stdout.write(`\n${rows.map(([label, value, note]) => `  ${label.padEnd(22)}${value.padStart(8)}  ${note}`).join('\n')}\n`);
