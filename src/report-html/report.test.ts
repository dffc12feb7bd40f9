import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ComplianceReport } from '../compliance/types.js';
import type { Finding } from '../model/finding.js';
import { HtmlSink } from '../outputs/html.js';
import { CapturingStream, clusterReport, play, sampleReport } from '../outputs/testing.js';
import { FindingCollector, renderComplianceHtml, renderHtmlReport } from './index.js';

const HOSTILE = '<script>window.owned=1</script><img src=x onerror="alert(1)">';

function articles(html: string): number {
  return html.match(/<article class="finding/g)?.length ?? 0;
}

/** A finding of `control` on a resource named `name`, open unless `excepted`. */
function finding(control: string, name: string, excepted = false): Finding {
  const sample = sampleReport().resources[0]!.findings[0]!;
  return {
    ...sample,
    controlId: control,
    resource: { ...sample.resource, name },
    exception: excepted ? { source: 'file', reason: 'accepted', owner: 'sec', expires: '2099-01-01', status: 'active', origin: 'exceptions.yaml' } : null,
  };
}

function hostileInput() {
  const sample = sampleReport();
  const base = sample.resources[0]!.findings[0]!;
  const evil: Finding = {
    ...base,
    resource: { ...base.resource, name: HOSTILE },
    message: `container ${HOSTILE} runs privileged`,
    path: `spec['${HOSTILE}']`,
    evidence: { found: { command: ['sh', '-c', HOSTILE] }, expected: HOSTILE },
    exception: { source: 'annotation', reason: HOSTILE, owner: HOSTILE, expires: '2099-01-01', status: 'active', origin: HOSTILE },
  };
  return { header: sample.header, summary: sample.summary, findings: [evil], errors: [{ file: HOSTILE, code: 'parse-failed' as const, message: HOSTILE }] };
}

describe('renderHtmlReport', () => {
  it('escapes every manifest-supplied string: no markup from the input survives', () => {
    const html = renderHtmlReport({ ...hostileInput(), risks: [{ title: HOSTILE, score: 9.5, factors: [{ name: HOSTILE, points: 3 }] }], paths: [{ steps: [HOSTILE, { label: HOSTILE }] }] });
    assert.doesNotMatch(html, /<script|<img|onerror="/i);
    assert.match(html, /&lt;script&gt;window\.owned=1&lt;\/script&gt;/);
    // The evidence is pretty-printed JSON, escaped inside its <pre>.
    assert.match(html, /<pre>\{\n {2}&quot;command&quot;: \[/);
  });

  it('is one self-contained page: a strict CSP, no script, nothing fetched, links only within the page', () => {
    const html = renderHtmlReport({ ...sampleReport(), findings: sampleReport().resources.flatMap((entry) => entry.findings) });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.doesNotMatch(html, /<script|<link|<iframe|\ssrc=|url\(/i);
    for (const [, target] of html.matchAll(/href="([^"]*)"/g)) assert.match(target!, /^#[A-Za-z0-9_.-]+$/);
  });

  it('shows the score, each finding with its evidence and location, the exception in force and the input errors', () => {
    const sample = sampleReport();
    const findings = [...sample.resources.flatMap((entry) => entry.findings), ...sample.clusterFindings];
    const html = renderHtmlReport({ header: sample.header, summary: sample.summary, findings, errors: sample.errors });
    assert.ok(html.includes(sample.summary.score === null ? 'n/a' : `${sample.summary.score.toFixed(1)}/100`));
    for (const item of findings) assert.ok(html.includes(item.controlId), item.controlId);
    assert.ok(html.includes('manifests/shop app/deploy #1 (ü).yaml:21'));
    assert.ok(html.includes('break-glass debug pod') && html.includes('sre') && html.includes('2099-12-31'));
    assert.ok(html.includes('gone &amp; &lt;lost&gt;.yaml'));
    assert.ok(html.includes('Not ranked in this run') && html.includes('kspm scan --top N'));
    assert.equal(articles(html), findings.length);
  });

  it('caps the findings shown per control and says how many more are in the JSON report', () => {
    const sample = sampleReport();
    const findings = [...Array.from({ length: 7 }, (_, index) => finding('pss-privileged', `web-${index}`)), finding('pss-privileged', 'kept', true)];
    const html = renderHtmlReport({ header: sample.header, summary: sample.summary, findings, findingsPerControl: 5 });
    assert.equal(articles(html), 6);
    assert.match(html, /2 more findings of this control are in the JSON report/);
    assert.ok(html.includes('web-4') && !html.includes('web-5'));
  });

  it('a collector keeps a page of findings per control while counting the rest', () => {
    const collector = new FindingCollector(3);
    for (let index = 0; index < 10; index++) collector.add(finding('pss-privileged', `web-${index}`));
    collector.add(finding('pss-privileged', 'kept', true));
    collector.add(finding('image-mutable-tag', 'other'));
    assert.equal(collector.findings.length, 5);
    assert.deepEqual(collector.omitted.get('pss-privileged'), { open: 7, excepted: 0 });
    const sample = sampleReport();
    const html = renderHtmlReport({ header: sample.header, summary: sample.summary, findings: collector.findings, omitted: collector.omitted });
    assert.match(html, /10 open findings · 1 excepted/);
    assert.match(html, /7 more findings of this control are in the JSON report/);
  });

  it('renders risks and attack paths it is given, whatever their fields, and lists cluster summaries and gaps', () => {
    const sample = clusterReport();
    const findings = [...sample.resources.flatMap((entry) => entry.findings), ...sample.clusterFindings];
    const html = renderHtmlReport({
      header: sample.header,
      summary: sample.summary,
      findings,
      risks: [{ resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' }, score: 87.25, factors: [{ factor: 'internet-exposed', weight: 2 }] }],
      paths: [{ title: 'internet to secrets', steps: [{ label: 'Ingress shop/web' }, { label: 'ServiceAccount shop/web reads secrets' }] }],
    });
    assert.match(html, /1\. <span class="pill high">87\.3<\/span> Deployment shop\/web/);
    assert.ok(html.includes('internet-exposed'));
    assert.match(html, /<ol class="steps"><li>.*Ingress shop\/web.*<\/li><li>.*reads secrets/s);
    for (const cluster of sample.summary.clusters ?? []) assert.ok(html.includes(cluster.context));
    for (const gap of sample.gaps ?? []) assert.ok(html.includes(gap.resource));
  });
});

describe('renderComplianceHtml', () => {
  it('lists each framework control with its status, findings and the auditor notes for manual ones', () => {
    const sample = sampleReport();
    const open = sample.resources[0]!.findings[0]!;
    const report: ComplianceReport = {
      framework: { id: 'cis-1.12', title: 'CIS Kubernetes Benchmark', version: '1.12' },
      score: 50,
      counts: { pass: 1, fail: 1, manual: 1, 'not-applicable': 0 },
      controls: [
        { id: '5.2.2', title: 'Minimize privileged containers', status: 'fail', checks: ['pss-privileged'], findings: [open] },
        { id: '5.2.3', title: 'Minimize host PID', status: 'pass', checks: ['pss-host-namespaces'], findings: [] },
        { id: '5.1.1', title: `Cluster-admin only where needed ${HOSTILE}`, status: 'manual', checks: [], findings: [], reason: 'needs people', audit: 'Review the bindings' },
      ],
    };
    const html = renderComplianceHtml([report], sample.header);
    assert.doesNotMatch(html, /<script|<img/i);
    assert.match(html, /<code>5\.2\.2<\/code>.*<span class="pill fail">fail<\/span>/s);
    assert.ok(html.includes('<span class="pill pass">pass</span>') && html.includes('<span class="pill manual">manual</span>'));
    assert.ok(html.includes('Deployment shop/web: container &quot;app&quot; runs privileged'));
    assert.ok(html.includes('Review the bindings'));
    assert.ok(html.includes('50.0/100'));
  });
});

describe('HtmlSink', () => {
  it('writes the whole page for a streamed scan', async () => {
    const sample = sampleReport();
    const out = new CapturingStream({ slow: true });
    await play(new HtmlSink(out), sample);
    assert.match(out.text, /^<!DOCTYPE html>/);
    assert.match(out.text, /<\/html>\n$/);
    const findings = [...sample.resources.flatMap((entry) => entry.findings), ...sample.clusterFindings];
    assert.equal(articles(out.text), findings.length);
    for (const error of sample.errors) assert.ok(out.text.includes(error.code));
  });
});
