/**
 * Neo4j Browser, as served by the test Neo4j, in a real headless Chromium: it connects over Bolt,
 * takes schema/browser-style.grass both ways a user gives it (pasted after the style command,
 * and dropped as a file), runs every ready query of schema/browser-queries.cypher, and saves a
 * screenshot of each answer (see screenshotPath).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserQueries } from '../helpers/browser-queries.js';
import { launchChromium, screenshotPath, watchedPage } from '../helpers/chromium.js';
import { createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import { seedTestCorpus } from '../helpers/seed.js';

const GRASS = readFileSync(
  path.resolve(import.meta.dirname, '../../schema/browser-style.grass'),
  'utf8',
);
const neo4j = testNeo4j();

let driver: Driver;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  driver = createTestDriver();
  await seedTestCorpus(driver);
  browser = await launchChromium();
  // Browser asks Google for its fonts; refused (see watchedPage), it falls back to local ones.
  ({ page } = await watchedPage(browser));
  await page.setViewport({ width: 1400, height: 1000 });
  if (neo4j.browserUrl === null) return;
  await page.goto(neo4j.browserUrl, { waitUntil: 'networkidle2' });
  await connect(page);
});

afterAll(async () => {
  await browser?.close();
  await driver?.close();
});

/** Fills Browser's connect form with the test Neo4j's Bolt address and credentials. */
async function connect(p: Page): Promise<void> {
  const bolt = new URL(neo4j.uri);
  await p.waitForSelector('[data-testid="boltaddress"]');
  await p.select('[data-testid="bolt-scheme-select"]', 'bolt://');
  await p.click('[data-testid="boltaddress"]', { count: 3 });
  await p.keyboard.type(bolt.host);
  await p.type('[data-testid="username"]', neo4j.username);
  await p.type('[data-testid="password"]', neo4j.password);
  await p.click('[data-testid="connect"]');
  // The connect frame turns into Browser's greeting once the Bolt session is up.
  await p.waitForFunction(`document.body.textContent.includes('You are connected as user')`, {
    timeout: 30_000,
  });
}

/** Pastes `text` into Browser's editor (as a user's clipboard would) and runs it (Ctrl-Enter). */
async function run(p: Page, text: string): Promise<void> {
  await markFramesSeen(p);
  await p.click('[data-testid="activeEditor"]');
  // Browser-side code is a string: this project compiles against Node's types, not the DOM's.
  await p.evaluate(`{
    const textarea = document.querySelector('[data-testid="activeEditor"] textarea');
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', ${JSON.stringify(text)});
    textarea.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
    );
  }`);
  await p.keyboard.down('Control');
  await p.keyboard.press('Enter');
  await p.keyboard.up('Control');
  await waitForNewFrame(p);
}

// Browser keeps a bounded stream of frames, newest first: a new answer is the frame not yet seen.
const NEW_FRAME = `document.querySelector('[data-testid="frame"]:not([data-seen])')`;
const markFramesSeen = (p: Page) =>
  p.evaluate(
    `document.querySelectorAll('[data-testid="frame"]').forEach((f) => { f.dataset.seen = '1'; })`,
  );
const waitForNewFrame = (p: Page) => p.waitForFunction(NEW_FRAME, { timeout: 30_000 });

/** The style Browser holds now (it keeps it in localStorage), as selector → properties. */
async function currentStyle(p: Page): Promise<Record<string, Record<string, string>> | null> {
  // Browser writes its state to localStorage a moment after it changes.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const raw = (await p.evaluate(`localStorage.getItem('neo4j.grass')`)) as string | null;
  return raw === null ? null : (JSON.parse(raw) as Record<string, Record<string, string>>);
}

/** What the newest frame shows once its answer is drawn: a graph, a table or an error. */
async function newestFrameResult(p: Page): Promise<'graph' | 'table' | 'error'> {
  const frame = NEW_FRAME;
  await p.waitForFunction(
    `${frame}.querySelector('svg .node, table') || /ERROR/.test(${frame}.textContent)`,
    { timeout: 30_000 },
  );
  return p.evaluate(`${frame}.querySelector('svg .node') ? 'graph'
    : ${frame}.querySelector('table') ? 'table' : 'error'`) as Promise<'graph' | 'table' | 'error'>;
}

/** Edge captions a ready query's picture must show, by the query's title. */
const EDGE_CAPTIONS_SHOWN: Record<string, string[]> = {
  'The meeting at a glance: who took part in which office, for which country, where, and on whose sidelines':
    ['Prime Minister'],
  'What was discussed, as a graph (each edge shows its framing)': [
    'DISCUSSED',
    'CONSIDERED',
    'PROSPECT',
  ],
  'Decrees: who signed which, in which office, and whom it appointed, as a graph': [
    'signed as President',
    'appointed Prime Minister',
  ],
};

/** `The meeting at a glance: who…` → `the-meeting-at-a-glance`: a screenshot's name. */
function slug(title: string): string {
  return title
    .split(/[:(,]/)[0]!
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

function expectOurStyle(style: Record<string, Record<string, string>> | null): void {
  expect(style).not.toBeNull();
  // Every rule of the file, under its own selector: no comment glued onto one.
  expect(
    Object.keys(style!).filter((selector) => !/^(node|relationship)(\.\w+)?$/.test(selector)),
  ).toEqual([]);
  expect(style!.node).toMatchObject({ caption: '{caption}', diameter: '90px' });
  expect(style!['node.Meeting']).toMatchObject({ diameter: '100px' });
  expect(style!['relationship.DISCUSSED']).toMatchObject({ caption: '{framing}' });
  expect(style!['relationship.PARTICIPATED_IN']).toMatchObject({ caption: '{caption}' });
  expect(style!['node.Document']).toMatchObject({ caption: '{caption}' });
}

describe.skipIf(neo4j.browserUrl === null)('Neo4j Browser with the togys style and queries', () => {
  it('takes the style pasted after the style command', async () => {
    await run(page, ':style reset');
    expect(await currentStyle(page)).toBeNull();
    await run(page, `:style ${GRASS}`);
    expect(await page.$eval('[data-testid="frame"]', (f) => f.textContent ?? '')).not.toMatch(
      /InvalidGrassError|Could not parse/,
    );
    expectOurStyle(await currentStyle(page));
  });

  it('takes the style dropped as a file', async () => {
    await run(page, ':style reset');
    expect(await currentStyle(page)).toBeNull();
    await markFramesSeen(page);
    await page.evaluate(`{
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([${JSON.stringify(GRASS)}], 'browser-style.grass'));
      const target = document.querySelector('[data-testid="stream"]');
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer, bubbles: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
      // The pointer leaving the window closes Browser's drop overlay, as after a real drag.
      target.dispatchEvent(new DragEvent('dragleave', { dataTransfer, bubbles: true, clientX: 0 }));
    }`);
    await waitForNewFrame(page);
    expectOurStyle(await currentStyle(page));
  });

  const queries = browserQueries();
  it('expects edge captions only of ready queries', () => {
    const titles = queries.map((q) => q.title);
    for (const title of Object.keys(EDGE_CAPTIONS_SHOWN)) expect(titles).toContain(title);
  });

  it.each(queries.map((q) => [q.title, q] as const))(
    'runs "%s" and draws its answer',
    async (_title, query) => {
      await run(page, query.cypher);
      const shown = await newestFrameResult(page);
      expect(shown).not.toBe('error');
      const frame = (await page.$('[data-testid="frame"]:not([data-seen])'))!;
      const text = await frame.evaluate((f) => f.textContent ?? '');
      // Browser's warning banner (e.g. a cartesian product) would sit in the frame.
      expect(text).not.toMatch(/cartesian product|This feature is deprecated/i);
      if (shown === 'graph') {
        // The picture without the overview panel, fitted once the force layout has settled.
        // Browser remembers the panel collapsed: only the first graph has the button.
        await (await frame.$('button[aria-label="Collapse the node properties display"]'))?.click();
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        await (await frame.$('button[aria-label="zoom-to-fit"]'))?.click();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const captions = await frame.$$eval('svg .node text', (ts) =>
          ts.map((t) => t.textContent ?? ''),
        );
        expect(captions.join(' ').length).toBeGreaterThan(0);
        // Saved before the edges are checked, so a failing picture can be looked at.
        await frame.screenshot({ path: screenshotPath(`neo4j-browser-${slug(query.title)}.png`) });
        const edgeCaptions = await frame.$$eval('svg .relationship text', (ts) =>
          ts.map((t) => t.textContent ?? ''),
        );
        // The edges that matter say so in the picture: the office, the framing. Browser cuts a
        // caption to its edge's length (`appointed Prime M…`), which the layout decides.
        const shows = (caption: string) =>
          edgeCaptions.some(
            (t) => t === caption || (t.endsWith('…') && caption.startsWith(t.slice(0, -1))),
          );
        for (const caption of EDGE_CAPTIONS_SHOWN[query.title] ?? [])
          expect(shows(caption), `${query.title}: ${caption} in ${edgeCaptions.join(' | ')}`).toBe(
            true,
          );
      }
    },
    60_000,
  );
});
