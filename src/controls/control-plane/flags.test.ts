import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listOf, pairsOf, parseBool, parseFlags, type Word } from './flags.js';

/** Words as they would sit in `command`, at command[0], command[1], ... */
const words = (...texts: string[]): Word[] => texts.map((text, index) => ({ text, path: ['command', index] }));

const valuesOf = (...texts: string[]) => Object.fromEntries([...parseFlags(words(...texts))].map(([name, { value }]) => [name, value]));

describe('parseFlags', () => {
  it('reads --name=value and keeps everything after the first equals sign', () => {
    assert.deepEqual(valuesOf('--bind-address=127.0.0.1', '--feature-gates=A=true,B=false'), {
      '--bind-address': '127.0.0.1',
      '--feature-gates': 'A=true,B=false',
    });
  });

  it('reads --name value as one flag, the value being the next word', () => {
    assert.deepEqual(valuesOf('--audit-log-path', '/var/log/audit.log', '--profiling=false'), { '--audit-log-path': '/var/log/audit.log', '--profiling': 'false' });
  });

  it('reads a bare flag as true, whether it is last or followed by another flag', () => {
    assert.deepEqual(valuesOf('--client-cert-auth', '--auto-tls=false', '--peer-client-cert-auth'), {
      '--client-cert-auth': 'true',
      '--auto-tls': 'false',
      '--peer-client-cert-auth': 'true',
    });
  });

  it('keeps the last occurrence of a repeated flag, and where it is written', () => {
    const flags = parseFlags(words('--profiling=false', '--v=2', '--profiling', 'true'));
    assert.deepEqual(flags.get('--profiling'), { value: 'true', path: ['command', 2] });
  });

  it('reads a single leading dash like two, as Go\'s flag package does', () => {
    assert.deepEqual(valuesOf('-client-cert-auth=true', '-v', '4'), { '--client-cert-auth': 'true', '--v': '4' });
  });

  it('keeps an empty value empty', () => {
    assert.deepEqual(valuesOf('--token-auth-file='), { '--token-auth-file': '' });
  });

  it('stops at -- and skips positional words', () => {
    assert.deepEqual(valuesOf('stray', '--a=1', '-', '--', '--b=2'), { '--a': '1' });
  });

  it('points each flag at the word that names it, not at a separate value', () => {
    const flags = parseFlags(words('--audit-log-maxage', '30', '--audit-log-path=/x'));
    assert.deepEqual(flags.get('--audit-log-maxage')?.path, ['command', 0]);
    assert.deepEqual(flags.get('--audit-log-path')?.path, ['command', 2]);
  });
});

describe('listOf', () => {
  it('splits a comma list, trimming spaces and dropping empty elements', () => {
    assert.deepEqual(listOf('Node, RBAC,,Webhook,'), ['Node', 'RBAC', 'Webhook']);
    assert.deepEqual(listOf(''), []);
  });
});

describe('pairsOf', () => {
  it('reads key=value pairs, the last of a key winning, and skips elements without a key', () => {
    assert.deepEqual(
      [...pairsOf('RotateKubeletServerCertificate=true, Other=false,=x,bare,RotateKubeletServerCertificate=false')],
      [
        ['RotateKubeletServerCertificate', 'false'],
        ['Other', 'false'],
      ],
    );
  });
});

describe('parseBool', () => {
  it('accepts the spellings Go accepts and nothing else', () => {
    for (const word of ['1', 't', 'T', 'true', 'TRUE', 'True']) assert.equal(parseBool(word), true, word);
    for (const word of ['0', 'f', 'F', 'false', 'FALSE', 'False']) assert.equal(parseBool(word), false, word);
    for (const word of ['yes', 'on', 'tRUE', '', ' true']) assert.equal(parseBool(word), undefined, word);
  });
});
