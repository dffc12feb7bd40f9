import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutTable, printable } from './table-layout.js';

const plain = (text: string) => text;

describe('layoutTable', () => {
  it('aligns columns at their natural width, counts to the right', () => {
    const text = layoutTable([{ header: 'NAME' }, { header: 'PODS', numeric: true }, { header: 'IMAGE' }], [['web', '3', 'nginx:1.27'], ['postgres-primary', '12', 'postgres:16']], 100, plain);
    assert.equal(text, [
      '  NAME              PODS  IMAGE',
      '  web                  3  nginx:1.27',
      '  postgres-primary    12  postgres:16',
      '',
    ].join('\n'));
  });

  it('wraps the free-text column first when the table is too wide, keeping it aligned', () => {
    const text = layoutTable([{ header: 'NAME' }, { header: 'WORKLOADS', flexible: true }], [['web', 'Deployment shop/web, StatefulSet shop/postgres, CronJob shop/nightly-report']], 40, plain);
    assert.deepEqual(text.split('\n'), [
      '  NAME  WORKLOADS',
      '  web   Deployment shop/web, StatefulSet',
      '        shop/postgres, CronJob',
      '        shop/nightly-report',
      '',
    ]);
  });

  it('puts each entry of a list on a line of its own', () => {
    const text = layoutTable([{ header: 'NAME' }, { header: 'CONTAINERS' }], [['web', ['app=nginx', 'init:migrate=flyway']]], 100, plain);
    assert.deepEqual(text.split('\n'), ['  NAME  CONTAINERS', '  web   app=nginx', '        init:migrate=flyway', '']);
  });

  it('breaks a word longer than its column after a separator when it can', () => {
    const text = layoutTable([{ header: 'IMAGE', flexible: true }], [['ghcr.io/acme/very-long-repository-name:2.4.1']], 24, plain);
    assert.deepEqual(text.split('\n'), ['  IMAGE', '  ghcr.io/acme/very-', '  long-repository-name:', '  2.4.1', '']);
  });

  it('paints cell text, not the padding', () => {
    const text = layoutTable([{ header: 'A' }, { header: 'B' }], [[{ text: 'no', paint: (value) => `<${value}>` }, 'x']], 100, plain);
    assert.equal(text.split('\n')[1], '  <no>  x');
  });
});

describe('printable', () => {
  it('drops control characters and direction overrides, and turns line breaks into spaces', () => {
    assert.equal(printable('a\u001b[31mb\u0007c\u009bd'), 'a[31mbcd');
    assert.equal(printable('invoice\u202Efdp.exe\u2066x\u2069'), 'invoicefdp.exex');
    assert.equal(printable('one\ntwo\tthree\r'), 'one two three ');
    assert.equal(printable('zero\u200Bwidth\uFEFF'), 'zerowidth');
  });
});
