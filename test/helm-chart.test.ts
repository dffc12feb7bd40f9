/** Renders the example chart with the real `helm` binary (CI installs one; elsewhere the test skips loudly). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { it } from 'node:test';
import { kspm } from './helpers/cli.js';

const helm = spawnSync('helm', ['version', '--short'], { encoding: 'utf8' });
const helmMissing = helm.error !== undefined || helm.status !== 0;
if (helmMissing) process.stderr.write('\n!!! SKIPPING: `helm` is not on PATH; the real Helm rendering test did not run (.ci/run installs it) !!!\n\n');

interface Report {
  resources: { kind: string; source: { file: string; line: number } }[];
  findings: { controlId: string; source: { file: string } }[];
  errors: unknown[];
}

it('scans a Helm chart rendered by helm template, each resource pointing at its template', { skip: helmMissing && 'helm is not installed' }, () => {
  const result = kspm(['scan', 'examples/helm/status-page', '-o', 'json']);
  const report = JSON.parse(result.stdout) as Report;
  assert.deepEqual(report.errors, []);
  assert.deepEqual(
    report.resources.map((resource) => [resource.kind, resource.source.file]).sort(),
    [
      ['Deployment', 'examples/helm/status-page/templates/deployment.yaml'],
      ['Service', 'examples/helm/status-page/templates/service.yaml'],
    ],
  );
  assert.ok(report.findings.some((finding) => finding.source.file === 'examples/helm/status-page/templates/deployment.yaml'));
});
