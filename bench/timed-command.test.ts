import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runToFile } from './timed-command.js';

describe('runToFile', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kspm-timed-command-'));
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('sends standard output to the file, keeps standard error, and reports the exit status and wall time', async () => {
    const file = join(folder, 'out.txt');
    const script = "process.stdout.write('x'.repeat(100000)); process.stderr.write('warned'); setTimeout(() => process.exit(3), 200)";
    const run = await runToFile(process.execPath, ['-e', script], file, folder);
    assert.deepEqual({ status: run.status, signal: run.signal, stderr: run.stderr }, { status: 3, signal: undefined, stderr: 'warned' });
    assert.ok(run.seconds >= 0.2 && run.seconds < 30, `${run.seconds} s`);
    assert.equal((await readFile(file, 'utf8')).length, 100000);
  });

  it('reports the signal that ended the command', async () => {
    const run = await runToFile(process.execPath, ['-e', "process.kill(process.pid, 'SIGTERM')"], join(folder, 'killed.txt'), folder);
    assert.deepEqual([run.status, run.signal], [undefined, 'SIGTERM']);
  });
});
