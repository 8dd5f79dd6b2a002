/**
 * The browser pages: `/` and the self-hosted GraphiQL at `/graphiql`, opened in a real headless
 * Chromium that runs a query against the real server and seeded Neo4j, with every request the
 * page makes checked to stay on this machine.
 */
import type { Browser } from 'puppeteer-core';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '../../src/server/explorer.js';
import {
  editorText,
  launchChromium,
  screenshotPath,
  waitForEditorText,
  watchedPage,
} from '../helpers/chromium.js';
import { createTestDriver } from '../helpers/neo4j.js';
import { seedTestCorpus } from '../helpers/seed.js';
import { postGraphQL, startTestServer, type TestServer } from '../helpers/server.js';

let driver: Driver;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  driver = createTestDriver();
  await seedTestCorpus(driver);
  server = await startTestServer({ NODE_ENV: 'development' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await driver?.close();
});

describe('GraphiQL at /graphiql, in headless Chromium', () => {
  it('runs a query and shows the answer, with no request leaving the machine', async () => {
    const { page, requested, offMachine } = await watchedPage(browser);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${server.url}/graphiql`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    expect(await editorText(page, '.graphiql-query-editor .CodeMirror')).toBe(DEFAULT_QUERY);

    await page.click('.graphiql-execute-button');
    await waitForEditorText(page, '.graphiql-response .CodeMirror', '"data"');
    const shown = JSON.parse(await editorText(page, '.graphiql-response .CodeMirror')) as {
      data: { meetings: { totalCount: number; edges: Array<{ node: { id: string } }> } };
    };
    // The page shows what the API answers for the same query.
    const direct = await postGraphQL(server.graphqlUrl, { query: DEFAULT_QUERY });
    expect(shown.data).toEqual(direct.data);
    expect(shown.data.meetings.totalCount).toBeGreaterThan(0);
    expect(shown.data.meetings.edges[0]?.node.id).toMatch(/^meeting\//);

    // The schema came by introspection (the Docs pane needs it) and the query by POST /graphql.
    expect(requested.some((url) => url === `${server.url}/graphql`)).toBe(true);
    expect(requested.length).toBeGreaterThanOrEqual(6);
    expect(offMachine).toEqual([]);
    expect(consoleErrors, requested.join('\n')).toEqual([]);
    await page.screenshot({ path: screenshotPath('graphiql.png') });
    await page.close();
  });
});

describe('the landing page and the introspection switch', () => {
  it('/ links GraphiQL and Apollo Sandbox where introspection is on', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('href="/graphiql"');
    expect(html).toContain('href="/graphql"');
    const graphiql = await fetch(`${server.url}/graphiql`);
    expect(graphiql.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await graphiql.text()).not.toMatch(/https?:\/\//);
    expect((await fetch(`${server.url}/graphiql/nothing.js`)).status).toBe(404);
  });

  it('production: no GraphiQL and no Sandbox unless GRAPHQL_INTROSPECTION=true', async () => {
    const production = await startTestServer({ NODE_ENV: 'production' });
    try {
      const landing = await (await fetch(`${production.url}/`)).text();
      expect(landing).not.toContain('href="/graphiql"');
      expect(landing).toContain('GRAPHQL_INTROSPECTION');
      const graphiql = await fetch(`${production.url}/graphiql`);
      expect(graphiql.status).toBe(404);
      expect(((await graphiql.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    } finally {
      await production.close();
    }
    const opened = await startTestServer({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
    try {
      expect((await fetch(`${opened.url}/graphiql`)).status).toBe(200);
      const sandbox = await fetch(opened.graphqlUrl, { headers: { accept: 'text/html' } });
      expect(await sandbox.text()).toMatch(/embeddable-sandbox/);
    } finally {
      await opened.close();
    }
  });
});
