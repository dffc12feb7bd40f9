import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JunitSink } from '../src/outputs/junit.js';
import { CapturingStream, play, sampleReport, type SampleReport } from '../src/outputs/testing.js';
import { xmlAttribute, xmlText } from '../src/outputs/xml.js';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = '[A-Za-z_][\\w.-]*';
const ILLEGAL_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(text: string): string {
  assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/, `a bare & in ${JSON.stringify(text)}`);
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, ref: string) =>
    ref.startsWith('#x') ? String.fromCodePoint(parseInt(ref.slice(2), 16)) : ref.startsWith('#') ? String.fromCodePoint(Number(ref.slice(1))) : ENTITIES[ref]!,
  );
}

/** A strict reader for the XML subset JUnit reports use; it throws on anything that is not well-formed. */
function parseXml(xml: string): XmlElement {
  assert.doesNotMatch(xml, ILLEGAL_XML_CHAR, 'no character XML 1.0 forbids');
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const token = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}="[^"<]*")*)\\s*(/?)>|([^<]+)`, 'gy');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    const [, closing, name, attributeText, selfClosing, text] = match;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      assert.ok(stack.length > 1 || text.trim() === '', 'text outside the root element');
      top.text += decode(text);
    } else if (closing) {
      assert.equal(top.name, name, `</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of attributeText!.matchAll(new RegExp(`(${NAME})="([^"]*)"`, 'g'))) {
        assert.ok(!(key! in attributes), `duplicate attribute ${key}`);
        attributes[key!] = decode(value!);
      }
      const element = { name: name!, attributes, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  assert.equal(consumed, body.length, `unparseable XML at: ${body.slice(consumed, consumed + 60)}`);
  assert.equal(stack.length, 1, 'every element is closed');
  assert.equal(root.children.length, 1, 'one root element');
  return root.children[0]!;
}

function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

async function junitOf(report: SampleReport): Promise<{ text: string; root: XmlElement }> {
  const out = new CapturingStream({ slow: true });
  await play(new JunitSink(out), report);
  return { text: out.text, root: parseXml(out.text) };
}

describe('JUnit output', () => {
  it('is well-formed, with counts that add up', async () => {
    const { root } = await junitOf(sampleReport());
    assert.equal(root.name, 'testsuites');
    const suites = children(root, 'testsuite');
    const sum = { tests: 0, failures: 0, skipped: 0 };
    for (const suite of suites) {
      const cases = children(suite, 'testcase');
      const failures = cases.filter((c) => children(c, 'failure').length > 0).length;
      const skipped = cases.filter((c) => children(c, 'skipped').length > 0).length;
      assert.equal(Number(suite.attributes.tests), cases.length, suite.attributes.name);
      assert.equal(Number(suite.attributes.failures), failures, suite.attributes.name);
      assert.equal(Number(suite.attributes.skipped), skipped, suite.attributes.name);
      assert.equal(suite.attributes.errors, '0');
      sum.tests += cases.length;
      sum.failures += failures;
      sum.skipped += skipped;
    }
    assert.deepEqual(
      { tests: Number(root.attributes.tests), failures: Number(root.attributes.failures), skipped: Number(root.attributes.skipped) },
      sum,
    );
    assert.deepEqual(sum, { tests: 7, failures: 5, skipped: 1 });
    assert.equal(root.attributes.time, '2.500');
  });

  it('has a suite per evaluated control, a failing case per open finding and a passing case for clean controls', async () => {
    const { root } = await junitOf(sampleReport());
    const suites = children(root, 'testsuite');
    assert.deepEqual(suites.map((s) => s.attributes.name), [
      'pss-privileged: Privileged container',
      'image-mutable-tag: Image pinned by a mutable tag',
      'rbac-wildcard: Role grants <everything> & "more"',
      'workload-probes: Liveness and readiness probes',
      'input-errors',
    ]);
    const [privileged, mutable, , probes, errors] = suites as [XmlElement, XmlElement, XmlElement, XmlElement, XmlElement];
    const failing = children(privileged, 'testcase')[0]!;
    assert.equal(failing.attributes.name, 'Deployment shop/web spec.template.spec.containers[0].securityContext.privileged');
    assert.equal(failing.attributes.line, '21');
    const failure = children(failing, 'failure')[0]!;
    assert.equal(failure.attributes.message, 'container "app" runs privileged');
    assert.equal(failure.attributes.type, 'critical');
    assert.match(failure.text, /found: true\nexpected: false or unset\nremediation: Remove/);

    const [expired, excepted] = children(mutable, 'testcase') as [XmlElement, XmlElement];
    assert.match(children(expired, 'failure')[0]!.text, /exception expired \(reason: migration to digests; owner: team-shop; expires: 2024-01-31\)/);
    assert.equal(children(excepted, 'skipped')[0]!.attributes.message, 'excepted: reason: break-glass debug pod; owner: sre; expires: 2099-12-31');
    assert.equal(excepted.attributes.file, undefined, 'standard input is no file to link');

    const passing = children(probes, 'testcase');
    assert.equal(passing.length, 1);
    assert.deepEqual(passing[0]!.children, [], 'a passing case has neither failure nor skipped');
    assert.match(passing[0]!.attributes.name!, /2 resources evaluated/);

    assert.deepEqual(
      children(errors, 'testcase').map((c) => [c.attributes.name, children(c, 'failure')[0]!.attributes.type]),
      [
        ['broken.yaml:3', 'parse-failed'],
        ['gone & <lost>.yaml', 'read-failed'],
      ],
    );
  });

  it('has a reader strict enough to catch broken XML', () => {
    assert.throws(() => parseXml('<a><b></a>'));
    assert.throws(() => parseXml('<a x="1 & 2"/>'));
    assert.throws(() => parseXml('<a>1 < 2</a>'));
    assert.throws(() => parseXml('<a>\u0001</a>'));
    assert.deepEqual(parseXml('<a x="&lt;&#10;"><b/>t &amp; u</a>').attributes, { x: '<\n' });
  });

  it('escapes markup and drops characters XML cannot hold', async () => {
    const { text, root } = await junitOf(sampleReport());
    const wildcard = children(children(root, 'testsuite')[2]!, 'testcase')[0]!;
    assert.equal(children(wildcard, 'failure')[0]!.attributes.message, 'rule 0 grants <all> verbs & "resources" to ü');
    assert.doesNotMatch(text, /\u0001/);
    assert.match(text, /name="ClusterRole everything rules\[0\]\[&quot;verbs&quot;\]"/);
    assert.equal(xmlAttribute('a\tb\nc\r"<&>'), 'a&#9;b&#10;c&#13;&quot;&lt;&amp;&gt;');
    assert.equal(xmlText('x\u0000\uFFFE\uD800y \u{1F600}'), 'xy \u{1F600}', 'lone surrogates go, astral characters stay');
  });

  it('leaves the input-errors suite out when every input was read', async () => {
    const report = sampleReport();
    report.errors = [];
    const { root } = await junitOf(report);
    assert.ok(children(root, 'testsuite').every((suite) => suite.attributes.name !== 'input-errors'));
  });
});
