/** The HTTP layer against the real Neo4j: probes, body limit, CORS, graceful stop. */
import http from 'node:http';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearGraph, createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import { postGraphQL, startTestServer, type TestServer } from '../helpers/server.js';

let driver: Driver;
beforeAll(async () => {
  driver = createTestDriver();
  await clearGraph(driver);
});
afterAll(() => driver.close());

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

/** A port nothing listens on: bind one, then release it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('GET /health and /ready', () => {
  let server: TestServer;
  let seedStepDone = false;
  beforeAll(async () => {
    server = await startTestServer({}, { isSeeded: () => seedStepDone });
  });
  afterAll(() => server.close());

  it('/health answers 200 while the process is alive', async () => {
    expect(await getJson(`${server.url}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('/ready is 503 while the seed step has not finished, even with articles present', async () => {
    await driver.executeQuery(
      "MERGE (:Article {id: 'article/ready-probe'})",
      {},
      { database: testNeo4j().database },
    );
    expect(await getJson(`${server.url}/ready`)).toEqual({
      status: 503,
      body: { status: 'not ready', neo4j: 'up', seeded: false },
    });
    await clearGraph(driver);
  });

  it('/ready is 503 when the seed step finished but the graph holds no Article', async () => {
    seedStepDone = true;
    expect(await getJson(`${server.url}/ready`)).toEqual({
      status: 503,
      body: { status: 'not ready', neo4j: 'up', seeded: false },
    });
  });

  it('/ready is 200 once seeded and an Article is in the graph', async () => {
    seedStepDone = true;
    await driver.executeQuery(
      "MERGE (:Article {id: 'article/ready-probe'})",
      {},
      { database: testNeo4j().database },
    );
    expect(await getJson(`${server.url}/ready`)).toEqual({
      status: 200,
      body: { status: 'ready', neo4j: 'up', seeded: true },
    });
    await clearGraph(driver);
  });

  it('/ready is 503 with neo4j "down" when Neo4j is unreachable; /health stays 200', async () => {
    const port = await closedPort();
    const unreachable = await startTestServer({ NEO4J_URI: `bolt://127.0.0.1:${port}` });
    try {
      expect(await getJson(`${unreachable.url}/ready`)).toEqual({
        status: 503,
        body: { status: 'not ready', neo4j: 'down', seeded: false },
      });
      expect((await getJson(`${unreachable.url}/health`)).status).toBe(200);
    } finally {
      await unreachable.close();
    }
  });

  it('unknown routes answer 404 with a JSON error', async () => {
    const { status, body } = await getJson(`${server.url}/nope`);
    expect(status).toBe(404);
    expect(body).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });
});

describe('POST /graphql', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ REQUEST_BODY_LIMIT: '2kb' });
  });
  afterAll(() => server.close());

  it('answers { __typename }', async () => {
    const result = await postGraphQL(server.graphqlUrl, { query: '{ __typename }' });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ __typename: 'Query' });
  });

  it('sends no ETag: answers to POSTs are never revalidated, so none is computed', async () => {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/application\/(graphql-response\+)?json/);
  });

  it('rejects a body over REQUEST_BODY_LIMIT with 413 and a JSON error', async () => {
    const query = `{ __typename ${' '.repeat(4096)} }`;
    const result = await postGraphQL(server.graphqlUrl, { query });
    expect(result.status).toBe(413);
    expect(result.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(result.errors?.[0]?.message).toMatch(/REQUEST_BODY_LIMIT/);
  });

  it('accepts a body just under the limit', async () => {
    const query = `{ __typename ${' '.repeat(1500)} }`;
    expect((await postGraphQL(server.graphqlUrl, { query })).status).toBe(200);
  });

  it('answers a body of an unsupported media type with 415 and a JSON error naming it', async () => {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
    });
    expect(response.status).toBe(415);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body).toMatchObject({ errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
    expect(body.errors[0]!.message).toMatch(/"application\/x-www-form-urlencoded"/);
  });

  it('answers malformed JSON with 400 and a JSON error', async () => {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});

describe('GET /graphql', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const url = () =>
    `${server.graphqlUrl}?${new URLSearchParams({ query: '{ __typename }' }).toString()}`;

  it('answers a query in the query string (with a header a browser form cannot send)', async () => {
    const response = await fetch(url(), { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('refuses a GET without such a header: CSRF prevention, with a message saying what to send', async () => {
    const response = await fetch(url());
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/apollo-require-preflight/);
  });
});

describe('CORS', () => {
  it('allows any origin by default', async () => {
    const server = await startTestServer();
    try {
      const result = await postGraphQL(
        server.graphqlUrl,
        { query: '{ __typename }' },
        { origin: 'https://anywhere.example' },
      );
      expect(result.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await server.close();
    }
  });

  it('echoes only the origins listed in CORS_ORIGINS', async () => {
    const server = await startTestServer({
      CORS_ORIGINS: 'https://news.example,http://localhost:3000',
    });
    try {
      const allowed = await postGraphQL(
        server.graphqlUrl,
        { query: '{ __typename }' },
        { origin: 'http://localhost:3000' },
      );
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
      const other = await postGraphQL(
        server.graphqlUrl,
        { query: '{ __typename }' },
        { origin: 'https://evil.example' },
      );
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(server.graphqlUrl, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://news.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://news.example');
    } finally {
      await server.close();
    }
  });
});

describe('graceful stop', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    const server = await startTestServer();
    const body = JSON.stringify({ query: '{ __typename }' });
    const { port } = new URL(server.url);

    let markStopStarted!: () => void;
    const stopStarted = new Promise<void>((resolve) => (markStopStarted = resolve));
    const arrived = new Promise<void>((resolve) =>
      server.httpServer.once('request', () => resolve()),
    );

    // A request whose body is still arriving when stop begins: truly in flight. Its client would
    // keep the connection open for ever (a keep-alive agent without timeout): stop() must close
    // it itself once the answer is sent, not after a grace period.
    const keepAlive = new http.Agent({ keepAlive: true });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent: keepAlive,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
      req.write(body.slice(0, 5));
      // The rest of the body goes only after the server has started stopping.
      void stopStarted.then(() => req.end(body.slice(5)));
    });

    await arrived;
    const closing = server.close();
    markStopStarted();

    const answered = await response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text)).toMatchObject({ data: { __typename: 'Query' } });
    const stopped = await Promise.race([closing.then(() => true), sleep(5_000).then(() => false)]);
    expect(stopped, 'stop() still waits on the idle keep-alive connection').toBe(true);
    await closing;
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
