/** Ctrl-C during a scan written to --output-file leaves nothing behind: no half report, no temporary file. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { it } from 'node:test';
import { KSPM_BIN } from './helpers/cli.js';
import { sharedData } from './helpers/shared.js';

const corpus = sharedData('k8s-manifests-corpus');

it('removes the partial report when interrupted', { skip: !corpus && 'shared corpus absent', timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kspm-interrupt-'));
  const child = spawn(process.execPath, [KSPM_BIN, 'scan', corpus!, '-o', 'json', '--output-file', join(dir, 'report.json')], { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal === 'SIGINT' ? 130 : code)));
  while (readdirSync(dir).length === 0) await sleep(20);
  child.kill('SIGINT');
  assert.equal(await exited, 130);
  assert.deepEqual(readdirSync(dir), []);
});
