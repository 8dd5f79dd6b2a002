/**
 * A real headless Chromium (Debian's `chromium`, or CHROMIUM_PATH) driven by puppeteer-core, with
 * every request the page makes recorded, and any to a host other than this machine refused.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found && existsSync(found)) return found;
    } catch {
      // not this one
    }
  }
  throw new Error(
    'No Chromium found: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.',
  );
}

export async function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--lang=en-US'],
    defaultViewport: { width: 1400, height: 900 },
  });
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for URLs served by this machine (or carried in the page itself: data:, blob:, about:). */
function isLocalUrl(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return LOOPBACK.has(parsed.hostname);
}

interface WatchedPage {
  page: Page;
  /** Every URL the page requested, in order. */
  requested: string[];
  /** The ones to another machine: refused, and listed here for the test to assert empty. */
  offMachine: string[];
}

/** A new page whose every request is recorded; requests leaving the machine are aborted. */
export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage();
  const requested: string[] = [];
  const offMachine: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    requested.push(url);
    if (isLocalUrl(url)) {
      void request.continue();
    } else {
      offMachine.push(url);
      void request.abort('blockedbyclient');
    }
  });
  return { page, requested, offMachine };
}

/**
 * Where a test saves its screenshots: `.ci/results/screenshots/` (git-ignored) on an ordinary
 * run; `docs/screenshots/`, the committed ones the README shows, with UPDATE_SCREENSHOTS=1.
 */
export function screenshotPath(name: string): string {
  const root = path.resolve(import.meta.dirname, '../..');
  const dir = process.env.UPDATE_SCREENSHOTS
    ? path.join(root, 'docs/screenshots')
    : path.join(root, '.ci/results/screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** A browser-side expression for the text of the CodeMirror 5 editor inside `selector`. */
function codeMirrorText(selector: string): string {
  return `(document.querySelector(${JSON.stringify(selector)})?.CodeMirror?.getValue() ?? '')`;
}

/** The text of the CodeMirror editor inside `selector` (GraphiQL 3's editors). */
export async function editorText(page: Page, selector: string): Promise<string> {
  return page.evaluate(codeMirrorText(selector)) as Promise<string>;
}

/** Waits until the CodeMirror editor inside `selector` contains `text`. */
export async function waitForEditorText(
  page: Page,
  selector: string,
  text: string,
  timeout = 15_000,
): Promise<void> {
  await page.waitForFunction(`${codeMirrorText(selector)}.includes(${JSON.stringify(text)})`, {
    timeout,
  });
}
