import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { elfSection } from './elf.js';
import { readCargoAuditable, rustBinaryPackages } from './rust-binary.js';

const haveRustc = spawnSync('rustc', ['--version'], { stdio: 'ignore' }).status === 0;
const haveReadelf = spawnSync('readelf', ['--version'], { stdio: 'ignore' }).status === 0 && existsSync('/bin/ls');
if (!haveRustc) process.stderr.write('\n!!! SKIPPING: rustc is absent; the real Rust binary test did not run !!!\n\n');
if (!haveReadelf) process.stderr.write('\n!!! SKIPPING: readelf or /bin/ls is absent; the ELF section test against readelf did not run !!!\n\n');

/** A dependency list as cargo-auditable writes it: the root, a runtime dep, a build dep, a local and a git crate. */
const DEPENDENCIES = {
  packages: [
    { name: 'demo', version: '0.1.0', source: 'crates.io', dependencies: [1, 2, 3, 4], root: true },
    { name: 'serde', version: '1.0.203', source: 'crates.io', kind: 'runtime' },
    { name: 'cc', version: '1.0.99', source: 'crates.io', kind: 'build' },
    { name: 'my-helpers', version: '0.0.1', source: 'local' },
    { name: 'patched', version: '2.0.0', source: 'git' },
  ],
};

describe('Rust binaries built with cargo-auditable', () => {
  let work = '';
  let binary = Buffer.alloc(0);
  const compressed = deflateSync(JSON.stringify(DEPENDENCIES));

  before(() => {
    if (!haveRustc) return;
    work = mkdtempSync(join(tmpdir(), 'kspm-rust-'));
    writeFileSync(join(work, 'deps.zlib'), compressed);
    // Exactly how cargo-auditable embeds the list: a used static placed in the .dep-v0 link section.
    writeFileSync(join(work, 'main.rs'), [
      '#[used]',
      '#[link_section = ".dep-v0"]',
      `static AUDITABLE_VERSION_INFO: [u8; ${compressed.length}] = *include_bytes!("deps.zlib");`,
      'fn main() { println!("hello"); }',
      '',
    ].join('\n'));
    const built = spawnSync('rustc', ['-O', '-o', join(work, 'demo'), join(work, 'main.rs')], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`rustc failed: ${built.stderr}`);
    binary = readFileSync(join(work, 'demo'));
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('read the runtime crates.io dependencies of a binary rustc built', { skip: !haveRustc }, () => {
    assert.ok(elfSection(binary, '.dep-v0') instanceof Buffer);
    assert.ok((elfSection(binary, '.dep-v0') as Buffer).equals(compressed), 'the section holds exactly the embedded bytes');
    const result = readCargoAuditable(binary);
    assert.equal(result.type, 'rust');
    if (result.type !== 'rust') return;
    assert.equal(result.crates.length, 5);
    assert.deepEqual(rustBinaryPackages(result.crates, 'usr/local/bin/demo'), [
      { ecosystem: 'crates.io', name: 'demo', version: '0.1.0', path: 'usr/local/bin/demo', purl: 'pkg:cargo/demo@0.1.0' },
      { ecosystem: 'crates.io', name: 'serde', version: '1.0.203', path: 'usr/local/bin/demo', purl: 'pkg:cargo/serde@1.0.203' },
    ]);
  });

  it('find sections where readelf finds them', { skip: !haveReadelf }, () => {
    const listing = spawnSync('readelf', ['-S', '-W', '/bin/ls'], { encoding: 'utf8' }).stdout;
    const rodata = /\]\s+\.rodata\s+\S+\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)/.exec(listing);
    assert.ok(rodata, 'readelf lists .rodata');
    const ls = readFileSync('/bin/ls');
    const offset = Number.parseInt(rodata[1]!, 16);
    const section = elfSection(ls, '.rodata');
    assert.ok(section instanceof Buffer);
    assert.equal(section.length, Number.parseInt(rodata[2]!, 16));
    assert.ok(section.equals(ls.subarray(offset, offset + section.length)));
    assert.equal(elfSection(ls, '.dep-v0'), undefined);
  });

  it('say what they cannot read', { skip: !haveRustc }, () => {
    assert.deepEqual(readCargoAuditable(Buffer.from('#!/bin/sh\n')), { type: 'not-auditable' });
    const corrupt = Buffer.from(binary);
    const section = elfSection(corrupt, '.dep-v0') as Buffer;
    section.fill(0x41);
    const result = readCargoAuditable(corrupt);
    assert.equal(result.type, 'unreadable');
    assert.match(result.type === 'unreadable' ? result.reason : '', /not zlib-compressed JSON/);
  });
});
