import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { FileItem } from '../model/resource.js';
import { readSources } from './index.js';

const workspace = mkdtempSync(join(tmpdir(), 'kspm-sources-test-'));
after(() => rmSync(workspace, { recursive: true, force: true }));

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

async function names(inputs: string[], exclude: string[] = []): Promise<string[]> {
  const found: string[] = [];
  for await (const item of readSources(inputs, { exclude }) as AsyncGenerator<FileItem>) {
    found.push(item.type === 'resource' ? `${item.resource.ref.name}@${item.resource.source.file}:${item.resource.source.line}` : `error ${item.error.code}@${item.error.file}`);
  }
  return found;
}

describe('readSources', () => {
  it('walks directories in sorted order, manifests only, and reads each real file once', async () => {
    const dir = join(workspace, 'tree');
    mkdirSync(join(dir, 'b-sub'), { recursive: true });
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'c.yml'), configMap('c'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }));
    writeFileSync(join(dir, 'b-sub', 'b.yaml'), `${configMap('b1')}---\n${configMap('b2')}`);
    writeFileSync(join(dir, 'node_modules', 'dep.yaml'), configMap('dep'));
    writeFileSync(join(dir, 'README.md'), '# not read');
    symlinkSync(join(dir, 'c.yml'), join(dir, 'd-link.yaml'));
    assert.deepEqual(await names([`${dir}/`, join(dir, 'c.yml')]), [
      `a@${join(dir, 'a.json')}:1`,
      `b1@${join(dir, 'b-sub', 'b.yaml')}:1`,
      `b2@${join(dir, 'b-sub', 'b.yaml')}:6`,
      `c@${join(dir, 'c.yml')}:1`,
    ]);
  });

  it('skips excluded files (kspm config and exceptions files among the manifests)', async () => {
    const dir = join(workspace, 'with-config');
    mkdirSync(dir);
    writeFileSync(join(dir, 'app.yaml'), configMap('app'));
    writeFileSync(join(dir, 'kspm.yaml'), 'allowedRegistries: [ghcr.io]\n');
    assert.deepEqual(await names([dir], [join(dir, 'kspm.yaml'), join(dir, 'missing.yaml')]), [`app@${join(dir, 'app.yaml')}:1`]);
    assert.deepEqual(await names([dir]), [`app@${join(dir, 'app.yaml')}:1`, `error missing-kind@${join(dir, 'kspm.yaml')}`]);
  });

  it('reads a pipe named on the command line, as from `kspm scan <(helm template ...)`', { timeout: 30_000 }, async () => {
    const fifo = join(workspace, 'rendered');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `printf '%s' "$0" > "${fifo}"`, configMap('piped')]);
    const exited = new Promise((resolve) => writer.on('exit', resolve));
    const found = await names([fifo]);
    await exited;
    assert.deepEqual(found, [`piped@${fifo}:1`]);
  });
});
