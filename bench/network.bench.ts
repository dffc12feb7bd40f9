/**
 * `npm run bench`, fourth part: NetworkPolicy reachability at scale. 2,000 pods in 100 namespaces with 500 policies
 * (network-estate.ts), analysed in this process as `kspm network` does once it has read them:
 *
 *   node --import tsx bench/network.bench.ts [--pods N] [--namespaces N] [--policies N] [--replicas N] [--seed N]
 *
 * Pods come in apps of --replicas (default 5) sharing their labels; --replicas 1 makes every pod its own group.
 *
 * matrix: the whole reachability matrix (every group to every group and the internet). explain: 40 questions between
 * random workloads on their ports, each timed after one warm-up; median and slowest. Timings never fail it.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { networkEstateOf } from '../src/network/estate.js';
import { explainConnection } from '../src/network/explain.js';
import { computeMatrix } from '../src/network/matrix.js';
import { Reachability } from '../src/network/reachability.js';
import { generateNetworkEstate } from './network-estate.js';
import { SeededRandom } from './seeded-random.js';

const GOALS = { matrixS: 10, explainMs: 50 } as const;

const { values } = parseArgs({
  options: {
    pods: { type: 'string', default: '2000' },
    namespaces: { type: 'string', default: '100' },
    policies: { type: 'string', default: '500' },
    replicas: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
  },
});

const median = (numbers: number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

const generated = generateNetworkEstate({ pods: Number(values.pods), namespaces: Number(values.namespaces), policies: Number(values.policies), replicas: Number(values.replicas), seed: Number(values.seed) });
const estate = networkEstateOf(generated.objects);
process.stdout.write(`estate: ${generated.pods} pods (${estate.workloads.length} workloads), ${estate.namespaces.size} namespaces, ${estate.policies.length} policies (seed ${values.seed})\n`);

let started = performance.now();
const reachability = new Reachability(estate);
const matrix = computeMatrix(reachability);
const matrixS = (performance.now() - started) / 1000;

const random = new SeededRandom(Number(values.seed) + 1);
const questions = Array.from({ length: 40 }, () => {
  const source = random.pick(estate.workloads);
  const destination = random.pick(estate.workloads);
  const port = destination.ports[0] ?? { port: 80, protocol: 'TCP' as const };
  return { source, destination, port: { port: port.port, protocol: port.protocol } };
});
const explainTimes = questions.map(({ source, destination, port }) => {
  const fresh = new Reachability(estate);
  explainConnection(fresh, { type: 'workload', workload: source }, { type: 'workload', workload: destination }, port);
  started = performance.now();
  explainConnection(fresh, { type: 'workload', workload: source }, { type: 'workload', workload: destination }, port);
  return performance.now() - started;
});
const cold = questions.map(({ source, destination, port }) => {
  started = performance.now();
  explainConnection(new Reachability(estate), { type: 'workload', workload: source }, { type: 'workload', workload: destination }, port);
  return performance.now() - started;
});

const rows: [string, string, string][] = [
  ['matrix s', matrixS.toFixed(2), `goal <= ${GOALS.matrixS}: ${verdict(matrixS <= GOALS.matrixS)}; ${matrix.groups.length} groups, ${matrix.edges.length} allowed edges`],
  ['explain median ms', median(explainTimes).toFixed(2), `goal <= ${GOALS.explainMs}: ${verdict(median(explainTimes) <= GOALS.explainMs)}; 40 questions`],
  ['explain cold median ms', median(cold).toFixed(2), 'with the policy index built for the question, as one kspm network explain does'],
];
process.stdout.write(`\n${rows.map(([label, value, note]) => `  ${label.padEnd(24)}${value.padStart(8)}  ${note}`).join('\n')}\n`);
