/**
 * Hand-built clusters, one per file in scenarios/: each lists its objects and every escalation path expected, in
 * order, as describePath writes it. Every path also keeps the shape a report relies on.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { clusterViewOf } from '../cluster-view.js';
import type { K8sObject } from '../../model/k8s.js';
import { describePath, findEscalationPaths, type EscalationPath } from './index.js';
import { identity, nodeId } from './nodes.js';

interface Scenario {
  objects: K8sObject[];
  paths: string[];
}

const folder = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');
const files = readdirSync(folder).filter((file) => file.endsWith('.yaml')).sort();

function assertWellFormed(path: EscalationPath): void {
  assert.ok(path.steps.length > 0);
  assert.equal(nodeId(path.steps[0]!.from), nodeId(identity(path.start)));
  path.steps.slice(1).forEach((step, index) => assert.equal(nodeId(step.from), nodeId(path.steps[index]!.to)));
  assert.ok(path.reaches.rank > path.holds.rank, `${describePath(path)} reaches no more than it holds`);
  for (const step of path.steps) assert.ok(step.explanation.length > 0);
}

describe('escalation scenarios', () => {
  it('has at least a dozen', () => assert.ok(files.length >= 12));
  for (const file of files) {
    it(file.replace(/\.yaml$/, ''), () => {
      const scenario = load(readFileSync(join(folder, file), 'utf8')) as Scenario;
      const paths = findEscalationPaths(clusterViewOf(scenario.objects));
      assert.deepEqual(paths.map(describePath), scenario.paths);
      paths.forEach(assertWellFormed);
    });
  }
});
