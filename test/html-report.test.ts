/**
 * The HTML report as an auditor meets it: the built CLI writes it for the demo estate plus a manifest whose resource
 * name is a script, and headless Chromium opens it with the network sealed off. It must render with no errors and no
 * requests, show the score and the findings, show the script as text without running it, and screenshot as a page.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { kspm } from './helpers/cli.js';
import { launchChromium, openOffline, pngSize, type PageVisit } from './helpers/browser.js';

const SCRIPT_NAME = '<script>window.kspmOwned=1</script>';
const IMG_NAME = '<img src="https://example.com/x.png" onerror="window.kspmOwned=2">';

/** A privileged pod whose name and label are markup: both reach the report through the finding. */
const HOSTILE_MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: ${JSON.stringify(SCRIPT_NAME)}
  namespace: ${JSON.stringify('evil')}
  labels:
    app: injected
spec:
  containers:
    - name: ${JSON.stringify(IMG_NAME)}
      image: ghcr.io/acme-shop/app:1.0.0
      securityContext:
        privileged: true
`;

interface JsonReport {
  summary: { score: number | null };
  findings: { controlId: string; title: string; message: string; severity: string; resource: { name: string } }[];
}

describe('kspm scan -o html in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kspm-html-'));
  const reportFile = join(dir, 'report.html');
  let browser: Browser | undefined;
  let visit: PageVisit | undefined;
  let json: JsonReport;

  before(async () => {
    writeFileSync(join(dir, 'hostile.yaml'), HOSTILE_MANIFEST);
    const args = ['scan', 'examples/demo', join(dir, 'hostile.yaml'), '--config', 'examples/demo/kspm.yaml'];
    const html = kspm([...args, '-o', 'html', '--output-file', reportFile]);
    assert.equal(html.status, 0, html.stderr);
    const asJson = kspm([...args, '-o', 'json']);
    assert.equal(asJson.status, 0, asJson.stderr);
    json = JSON.parse(asJson.stdout) as JsonReport;
    browser = await launchChromium();
    if (browser) visit = await openOffline(browser, pathToFileURL(reportFile).href);
  });

  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads with no console errors, no page errors and no network request at all', (t) => {
    if (!visit) return t.skip('chromium is not installed');
    assert.deepEqual(visit.consoleErrors, []);
    assert.deepEqual(visit.pageErrors, []);
    assert.deepEqual(visit.requests, []);
  });

  it('has the report headings and shows the posture score', async (t) => {
    if (!visit) return t.skip('chromium is not installed');
    const { page } = visit;
    assert.equal(await page.locator('h1').innerText(), 'Kubernetes security posture report');
    const headings = await page.locator('h2').allInnerTexts();
    for (const heading of ['Summary', 'Top risks', 'Attack paths', 'Findings by control', 'Exceptions in force', 'Coverage gaps', 'Input errors']) {
      assert.ok(headings.includes(heading), `missing heading ${heading}: ${headings.join(', ')}`);
    }
    assert.notEqual(json.summary.score, null);
    assert.match(await page.locator('#posture-score').innerText(), new RegExp(`${json.summary.score!.toFixed(1).replace('.', '\\.')}/100`));
  });

  it('shows the worst findings of the JSON report as visible text', async (t) => {
    if (!visit) return t.skip('chromium is not installed');
    const { page } = visit;
    const critical = json.findings.filter((finding) => finding.severity === 'critical');
    assert.ok(critical.length > 0, 'the demo has critical findings');
    const findings = page.locator('#findings');
    for (const finding of critical) {
      await assert.doesNotReject(findings.getByText(finding.title).first().waitFor({ state: 'visible', timeout: 5000 }));
      await assert.doesNotReject(findings.getByText(finding.message, { exact: false }).first().waitFor({ state: 'visible', timeout: 5000 }));
    }
  });

  it('shows markup from a resource name as text and never runs it', async (t) => {
    if (!visit) return t.skip('chromium is not installed');
    const { page } = visit;
    assert.ok(json.findings.some((finding) => finding.resource.name === SCRIPT_NAME), 'the hostile pod has findings');
    await assert.doesNotReject(page.getByText(`Pod evil/${SCRIPT_NAME}`, { exact: false }).first().waitFor({ state: 'visible', timeout: 5000 }));
    assert.ok((await page.locator('body').innerText()).includes(IMG_NAME));
    const injected = {
      owned: await page.evaluate('window.kspmOwned ?? null'),
      scripts: await page.locator('script').count(),
      images: await page.locator('img').count(),
    };
    assert.deepEqual(injected, { owned: null, scripts: 0, images: 0 });
  });

  it('screenshots as a full page of real content', async (t) => {
    if (!visit) return t.skip('chromium is not installed');
    const file = join(dir, 'report.png');
    await visit.page.screenshot({ path: file, fullPage: true });
    const { width, height } = pngSize(readFileSync(file));
    assert.equal(width, 1280);
    assert.ok(height > 3000, `a report of ${json.findings.length} findings is long, got ${height}px`);
    assert.ok(statSync(file).size > 100_000, `screenshot of ${statSync(file).size} bytes is too small to hold the report`);
  });

  it('severity filters hide and show findings with no script (CSS only)', async (t) => {
    if (!visit) return t.skip('chromium is not installed');
    const { page } = visit;
    const critical = page.locator('#findings section.control.sev-critical').first();
    assert.equal(await critical.isVisible(), true);
    await page.locator('#show-critical').uncheck();
    assert.equal(await critical.isVisible(), false);
    assert.equal(await page.locator('#findings section.control.sev-high').first().isVisible(), true);
    await page.locator('#show-critical').check();
    assert.equal(await critical.isVisible(), true);
  });
});
