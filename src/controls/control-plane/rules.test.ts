import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Flags } from './flags.js';
import { atLeast, equals, excludes, featureGateNotOff, includes, isBool, isSet, notSet, onlyElements, type FlagRule } from './rules.js';

/** Flags given as `--name=value` words; each sits at `command[i]`. */
function flags(...words: string[]): Flags {
  return new Map(
    words.map((word, index) => {
      const [name, ...value] = word.split('=');
      return [name!, { value: value.join('='), path: ['command', index] }];
    }),
  );
}

const messages = (rule: FlagRule, ...words: string[]) => rule(flags(...words)).map((shortfall) => shortfall.message);

describe('flag rules', () => {
  it('report where a wrong value is written, what was found and what is expected', () => {
    assert.deepEqual(isBool('--profiling', false, { default: 'true' })(flags('--v=2', '--profiling=true')), [
      { path: ['command', 1], message: '--profiling is true', found: 'true', expected: '--profiling=false' },
    ]);
  });

  it('judge an unset flag by its default, and say so', () => {
    assert.deepEqual(isBool('--profiling', false, { default: 'true' })(flags()), [
      { message: '--profiling is not set, and its default is true', found: 'not set (default: true)', expected: '--profiling=false' },
    ]);
    assert.deepEqual(isBool('--service-account-lookup', true, { default: 'true' })(flags()), []);
    assert.deepEqual(includes('--enable-admission-plugins', 'NodeRestriction', { default: '' })(flags())[0]?.found, 'not set (default: empty)');
  });

  it('fail an unset flag that has no default', () => {
    assert.deepEqual(atLeast('--audit-log-maxage', 30)(flags()), [{ message: '--audit-log-maxage is not set', found: 'not set', expected: '--audit-log-maxage of at least 30' }]);
  });

  it('leave an unset flag to the configuration file that holds the setting instead', () => {
    const rule = excludes('--authorization-mode', 'AlwaysAllow', { default: 'AlwaysAllow', deferTo: '--authorization-config' });
    assert.deepEqual(messages(rule), ['--authorization-mode is not set, and its default includes AlwaysAllow']);
    assert.deepEqual(messages(rule, '--authorization-config=/etc/kubernetes/authz.yaml'), []);
    assert.deepEqual(messages(rule, '--authorization-config=/etc/kubernetes/authz.yaml', '--authorization-mode=AlwaysAllow'), ['--authorization-mode includes AlwaysAllow']);
  });

  it('isSet wants every flag, with a value', () => {
    const rule = isSet('--cert-file', '--key-file');
    assert.deepEqual(messages(rule, '--cert-file=/a.crt', '--key-file=/a.key'), []);
    assert.deepEqual(messages(rule, '--key-file='), ['--cert-file is not set', '--key-file is empty']);
  });

  it('notSet accepts an absent or empty flag', () => {
    assert.deepEqual(messages(notSet('--token-auth-file')), []);
    assert.deepEqual(messages(notSet('--token-auth-file'), '--token-auth-file='), []);
    assert.deepEqual(notSet('--token-auth-file')(flags('--token-auth-file=/etc/tokens.csv')), [
      { path: ['command', 0], message: '--token-auth-file is set', found: '/etc/tokens.csv', expected: '--token-auth-file not set' },
    ]);
  });

  it('isBool reads booleans as Go does and names a value that is not one', () => {
    const rule = isBool('--client-cert-auth', true, { default: 'false' });
    assert.deepEqual(messages(rule, '--client-cert-auth=1'), []);
    assert.deepEqual(messages(rule, '--client-cert-auth=F'), ['--client-cert-auth is F']);
    assert.deepEqual(messages(rule, '--client-cert-auth=yes'), ['--client-cert-auth is "yes", which is not a boolean']);
  });

  it('equals compares the exact text', () => {
    const rule = equals('--bind-address', '127.0.0.1', { default: '0.0.0.0' });
    assert.deepEqual(messages(rule, '--bind-address=127.0.0.1'), []);
    assert.deepEqual(messages(rule, '--bind-address=10.0.0.5'), ['--bind-address is 10.0.0.5']);
    assert.deepEqual(messages(rule, '--bind-address='), ['--bind-address is empty']);
    assert.deepEqual(messages(rule), ['--bind-address is not set, and its default is 0.0.0.0']);
  });

  it('atLeast wants a whole number', () => {
    const rule = atLeast('--audit-log-maxbackup', 10);
    assert.deepEqual(messages(rule, '--audit-log-maxbackup=10'), []);
    assert.deepEqual(messages(rule, '--audit-log-maxbackup=9'), ['--audit-log-maxbackup is 9, below 10']);
    assert.deepEqual(messages(rule, '--audit-log-maxbackup=-1'), ['--audit-log-maxbackup is -1, below 10']);
    assert.deepEqual(messages(rule, '--audit-log-maxbackup=10.5'), ['--audit-log-maxbackup is "10.5", which is not a whole number']);
  });

  it('includes and excludes look for whole elements of the list', () => {
    assert.deepEqual(messages(includes('--authorization-mode', 'Node'), '--authorization-mode=RBAC, Node'), []);
    assert.deepEqual(messages(includes('--authorization-mode', 'Node'), '--authorization-mode=NodeRestriction,RBAC'), ['--authorization-mode does not include Node']);
    assert.deepEqual(messages(excludes('--disable-admission-plugins', 'ServiceAccount'), '--disable-admission-plugins=ServiceAccountX'), []);
    assert.deepEqual(messages(excludes('--disable-admission-plugins', 'ServiceAccount'), '--disable-admission-plugins=A,ServiceAccount'), [
      '--disable-admission-plugins includes ServiceAccount',
    ]);
  });

  it('onlyElements names every element outside the list, and refuses an empty list', () => {
    const rule = onlyElements('--tls-cipher-suites', ['A', 'B']);
    assert.deepEqual(messages(rule, '--tls-cipher-suites=B,A'), []);
    assert.deepEqual(messages(rule, '--tls-cipher-suites=A,X,Y'), ['--tls-cipher-suites includes X, Y, outside the allowed list']);
    assert.deepEqual(messages(rule, '--tls-cipher-suites='), ['--tls-cipher-suites is empty']);
    assert.deepEqual(messages(rule), ['--tls-cipher-suites is not set']);
  });

  it('featureGateNotOff fails only a gate turned off', () => {
    const rule = featureGateNotOff('RotateKubeletServerCertificate');
    assert.deepEqual(messages(rule), []);
    assert.deepEqual(messages(rule, '--feature-gates=RotateKubeletServerCertificate=true,Other=false'), []);
    assert.deepEqual(messages(rule, '--feature-gates=Other=true,RotateKubeletServerCertificate=False'), ['--feature-gates turns RotateKubeletServerCertificate off']);
  });
});
