/**
 * Headless Chromium (Debian's `chromium`, driven by playwright-core) for tests that open kspm's HTML reports. The
 * browser is sealed off from the network: every request that is not the file under test is recorded and aborted.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.KSPM_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The browser, or undefined (after a loud message) when Chromium is not installed. */
export async function launchChromium(): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM_PATH)) {
    process.stderr.write(`\n!!! SKIPPING: ${CHROMIUM_PATH} is absent (install Debian's chromium, or set KSPM_CHROMIUM) !!!\n\n`);
    return undefined;
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

export interface PageVisit {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  /** Every request the page made other than for `url` itself (all of them aborted). */
  requests: string[];
}

/** Opens `url` (a file: URL) in a fresh context where nothing else may load, and records what went wrong. */
export async function openOffline(browser: Browser, url: string): Promise<PageVisit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const visit: PageVisit = { page: await context.newPage(), consoleErrors: [], pageErrors: [], requests: [] };
  await context.route('**', async (route) => {
    if (route.request().url() === url) return route.continue();
    visit.requests.push(route.request().url());
    return route.abort();
  });
  visit.page.on('request', (request) => {
    if (request.url() !== url && !visit.requests.includes(request.url())) visit.requests.push(request.url());
  });
  visit.page.on('console', (message) => {
    if (message.type() === 'error') visit.consoleErrors.push(message.text());
  });
  visit.page.on('pageerror', (error) => visit.pageErrors.push(error.message));
  await visit.page.goto(url, { waitUntil: 'load' });
  return visit;
}

/** The width and height a PNG file declares, after checking its signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
