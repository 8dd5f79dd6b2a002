/**
 * Errors users can act on, over real HTTP: BAD_USER_INPUT naming the argument, the standard
 * parse/validation codes, abuse limits (depth, cost, aliases, body size, operation timeout),
 * SERVICE_UNAVAILABLE while Neo4j is unreachable and recovery when it is back, no stack traces
 * outside development, introspection and the landing page by environment.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededApi, type SeededApi } from '../helpers/graphql.js';
import { testNeo4j } from '../helpers/neo4j.js';
import { postGraphQL, startTestServer, type TestServer } from '../helpers/server.js';

let api: SeededApi;
beforeAll(async () => {
  api = await startSeededApi({ GRAPHQL_MAX_PAGE_SIZE: '50' });
});
afterAll(async () => {
  await api?.close();
});

function firstError(response: {
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}) {
  expect(response.errors?.length).toBeGreaterThan(0);
  return response.errors![0]!;
}

async function withServer<T>(
  env: Record<string, string>,
  run: (server: TestServer) => Promise<T>,
): Promise<T> {
  const server = await startTestServer(env);
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

describe('bad arguments → BAD_USER_INPUT naming the argument', () => {
  it.each([
    [
      'page size over the maximum',
      '{ people(first: 51) { edges { cursor } } }',
      'first',
      /at most 50/,
    ],
    ['negative page size', '{ people(first: -1) { edges { cursor } } }', 'first', /non-negative/],
    [
      'malformed cursor',
      '{ people(after: "not a cursor!") { edges { cursor } } }',
      'after',
      /malformed/,
    ],
    [
      'base64 that is no cursor',
      '{ people(after: "aGVsbG8") { edges { cursor } } }',
      'after',
      /malformed/,
    ],
    [
      'mentions page too large',
      '{ entity(id: "country/kz") { mentions(first: 51) { totalCount } } }',
      'first',
      /at most 50/,
    ],
    [
      'neighborhood depth too large',
      '{ neighborhood(id: "country/kz", depth: 4) { center { id } } }',
      'depth',
      /1 to 3/,
    ],
    [
      'path maxHops too large',
      '{ path(from: "country/kz", to: "country/ru", maxHops: 7) { length } }',
      'maxHops',
      /1 to 6/,
    ],
    [
      'path maxHops zero',
      '{ path(from: "country/kz", to: "country/ru", maxHops: 0) { length } }',
      'maxHops',
      /1 to 6/,
    ],
    ['empty search', '{ search(query: "   ") { score } }', 'query', /empty/],
    ['search page too large', '{ search(query: "x", first: 51) { score } }', 'first', /at most 50/],
  ])('%s', async (_, query, argument, message) => {
    const response = await api.raw(query);
    const error = firstError(response);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.argument).toBe(argument);
    expect(error.message).toContain(`"${argument}"`);
    expect(error.message).toMatch(message);
    expect(error.extensions?.stacktrace).toBeUndefined();
  });

  it('a cursor made for another sort order', async () => {
    const page = await api.query<{ people: { pageInfo: { endCursor: string } } }>(
      '{ people(first: 1) { pageInfo { endCursor } } }',
    );
    const response = await api.raw(
      'query($after: String) { people(after: $after, orderBy: { field: ID }) { edges { cursor } } }',
      { after: page.people.pageInfo.endCursor },
    );
    const error = firstError(response);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/another sort order/);
  });

  it('an unknown language in a variable', async () => {
    const response = await api.raw(
      'query($lang: Language) { entity(id: "country/kz") { name(lang: $lang) } }',
      {
        lang: 'FR',
      },
    );
    const error = firstError(response);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('$lang');
    expect(error.message).toContain('FR');
  });

  it.each([
    [
      'an unknown language literal',
      '{ entity(id: "country/kz") { name(lang: FR) } }',
      'lang',
      'FR',
    ],
    [
      'an unknown kind in a list',
      '{ search(query: "x", kinds: [PERSON, ROBOT]) { score } }',
      'kinds',
      'ROBOT',
    ],
  ])('%s', async (_, query, argument, value) => {
    const error = firstError(await api.raw(query));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.argument).toBe(argument);
    expect(error.message).toContain(`"${argument}"`);
    expect(error.message).toContain(value);
  });

  it('an invalid date in a filter', async () => {
    const response = await api.raw(
      'query($d: Date) { meetings(filter: { dateFrom: $d }) { totalCount } }',
      {
        d: '2022-02-30',
      },
    );
    const error = firstError(response);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('$d');
  });
});

describe('syntax and validation → the standard codes', () => {
  it.each([
    ['a syntax error', '{ people { edges ', 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', '{ people { nope } }', 'GRAPHQL_VALIDATION_FAILED'],
    ['a missing required argument', '{ search { score } }', 'GRAPHQL_VALIDATION_FAILED'],
  ])('%s', async (_, query, code) => {
    const error = firstError(await api.raw(query));
    expect(error.extensions?.code).toBe(code);
  });
});

describe('abuse limits', () => {
  it('maximum depth, cost and aliases, each from configuration', async () => {
    await withServer(
      { GRAPHQL_MAX_DEPTH: '5', GRAPHQL_MAX_COST: '300', GRAPHQL_MAX_ALIASES: '2' },
      async (server) => {
        const deep = await postGraphQL(server.graphqlUrl, {
          query:
            '{ people { edges { node { meetings { edges { node { meeting { participants { person { id } } } } } } } } } }',
        });
        expect(firstError(deep).message).toMatch(/depth/i);
        expect(firstError(deep).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

        const costly = await postGraphQL(server.graphqlUrl, {
          query:
            '{ topics(first: 50) { edges { node { id name names { kk ru en } aliases forms } } } }',
        });
        expect(firstError(costly).message).toMatch(/cost/i);
        expect(firstError(costly).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

        const aliased = await postGraphQL(server.graphqlUrl, {
          query:
            '{ a: node(id: "country/kz") { id } b: node(id: "country/ru") { id } c: node(id: "country/kg") { id } }',
        });
        expect(firstError(aliased).message).toMatch(/aliases/i);

        // Within the limits the same server answers.
        const fine = await postGraphQL<{ a: { id: string } }>(server.graphqlUrl, {
          query: '{ a: node(id: "country/kz") { id } b: node(id: "country/ru") { id } }',
        });
        expect(fine.errors).toBeUndefined();
        expect(fine.data?.a.id).toBe('country/kz');
      },
    );
  });

  it('cost counts the page size a variable gives, as it counts a literal one', async () => {
    const facts = (first: string) =>
      `query Facts${first === '$n' ? '($n: Int)' : ''} { numericFacts(first: ${first}) {
        edges { node { id metric value
          evidence { excerpts sentence { id text } article { id title } } } } } }`;
    await withServer({ GRAPHQL_MAX_COST: '5000' }, async (server) => {
      const costOf = async (first: string, variables: Record<string, unknown>) => {
        const response = await postGraphQL(server.graphqlUrl, { query: facts(first), variables });
        if (!response.errors) return 'accepted';
        const error = firstError(response);
        expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        return /Query Cost limit of 5000 exceeded, found (\d+)\./.exec(error.message)?.[1];
      };
      const literal = await costOf('100', {});
      expect(Number(literal)).toBeGreaterThan(5000);
      // The same page size through a variable costs the same and is refused the same way.
      expect(await costOf('$n', { n: 100 })).toBe(literal);
      // A small page passes either way.
      expect(await costOf('2', {})).toBe('accepted');
      expect(await costOf('$n', { n: 2 })).toBe('accepted');
      // The verdict is kept per operation and page size (the same operation, parsed once, comes
      // back with other values): each value gets its own, however often it is asked.
      expect(await costOf('$n', { n: 100 })).toBe(literal);
      expect(await costOf('$n', { n: 2 })).toBe('accepted');
      // A variable left unset: the argument's default (20) applies, as it will when it runs.
      expect(await costOf('$n', {})).toBe(await costOf('20', {}));
    });
  });

  it('cost counts `last` as it counts `first`, and a connection asked with neither as its default page', async () => {
    const facts = (args: string, vars = '') =>
      `query Facts${vars} { numericFacts${args} {
        edges { node { id metric value
          evidence { excerpts sentence { id text } article { id title } } } } } }`;
    await withServer({ GRAPHQL_MAX_COST: '5000' }, async (server) => {
      const costOf = async (query: string, variables: Record<string, unknown> = {}) => {
        const response = await postGraphQL(server.graphqlUrl, { query, variables });
        if (!response.errors) return 'accepted';
        const error = firstError(response);
        expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        return /Query Cost limit of 5000 exceeded, found (\d+)\./.exec(error.message)?.[1];
      };
      const first = await costOf(facts('(first: 100)'));
      expect(Number(first)).toBeGreaterThan(5000);
      expect(await costOf(facts('(last: 100)'))).toBe(first);
      expect(await costOf(facts('(last: $n)', '($n: Int)'), { n: 100 })).toBe(first);
      expect(await costOf(facts('(last: 2)'))).toBe('accepted');
    });
    // Neither `first` nor `last`: the 20 it will run with, as if written out.
    await withServer({ GRAPHQL_MAX_COST: '300' }, async (server) => {
      const found = async (query: string, variables: Record<string, unknown> = {}) => {
        const response = await postGraphQL(server.graphqlUrl, { query, variables });
        return /exceeded, found (\d+)\./.exec(firstError(response).message)?.[1];
      };
      const twenty = await found(facts('(first: 20)'));
      expect(Number(twenty)).toBeGreaterThan(300);
      expect(await found(facts(''))).toBe(twenty);
      expect(await found(facts('(last: $n)', '($n: Int)'))).toBe(twenty);
    });
  });

  it('request body size', async () => {
    await withServer({ REQUEST_BODY_LIMIT: '1kb' }, async (server) => {
      const response = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ people { totalCount } } # ${'x'.repeat(2000)}` }),
      });
      expect(response.status).toBe(413);
    });
  });

  it('per-operation timeout → TIMEOUT, and the server keeps answering', async () => {
    await withServer({ OPERATION_TIMEOUT_MS: '1' }, async (server) => {
      const response = await postGraphQL(server.graphqlUrl, {
        query:
          '{ people(first: 3) { edges { node { meetings(first: 2) { edges { node { meeting { discussed { framing } } } } } } } } }',
      });
      const error = firstError(response);
      expect(error.extensions?.code).toBe('TIMEOUT');
      expect(error.message).toMatch(/1 ms/);
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
    });
  });
});

describe('Neo4j unreachable → SERVICE_UNAVAILABLE; recovery when it is back', () => {
  it('a server pointed where nothing listens answers SERVICE_UNAVAILABLE at once and stays up', async () => {
    const port = await freePort();
    // A long operation budget: the answer must come from noticing Neo4j is down, not the deadline.
    await withServer(
      { NEO4J_URI: `bolt://127.0.0.1:${port}`, OPERATION_TIMEOUT_MS: '60000' },
      async (server) => {
        for (let i = 0; i < 2; i++) {
          const startedAt = Date.now();
          const response = await postGraphQL(server.graphqlUrl, {
            query: '{ people { totalCount } }',
          });
          const error = firstError(response);
          expect(error.extensions?.code).toBe('SERVICE_UNAVAILABLE');
          expect(error.message).toMatch(/unavailable/i);
          expect(error.extensions?.stacktrace).toBeUndefined();
          expect(Date.now() - startedAt).toBeLessThan(30_000);
        }
        expect((await fetch(`${server.url}/health`)).status).toBe(200);
      },
    );
  }, 90_000);

  it('recovers by itself when Neo4j is reachable again (through a TCP proxy closed and reopened)', async () => {
    const target = new URL(testNeo4j().uri.replace(/^bolt/, 'http'));
    const proxy = new TcpProxy(target.hostname, Number(target.port));
    const port = await proxy.open(0);
    await withServer(
      { NEO4J_URI: `bolt://127.0.0.1:${port}`, OPERATION_TIMEOUT_MS: '2000' },
      async (server) => {
        const ask = () =>
          postGraphQL<{ people: { totalCount: number } }>(server.graphqlUrl, {
            query: '{ people { totalCount } }',
          });
        expect((await ask()).data?.people.totalCount).toBe(2);
        await proxy.close();
        expect(firstError(await ask()).extensions?.code).toBe('SERVICE_UNAVAILABLE');
        await proxy.open(port);
        const recovered = await ask();
        expect(recovered.errors).toBeUndefined();
        expect(recovered.data?.people.totalCount).toBe(2);
      },
    );
    await proxy.close();
  });
});

describe('environments', () => {
  it('development: stack traces in errors, introspection and the Sandbox landing page', async () => {
    await withServer({ NODE_ENV: 'development' }, async (server) => {
      const error = firstError(
        await postGraphQL(server.graphqlUrl, { query: '{ people(first: -1) { totalCount } }' }),
      );
      expect(error.extensions?.stacktrace).toBeDefined();
      const intro = await postGraphQL<{ __schema: { queryType: { name: string } } }>(
        server.graphqlUrl,
        {
          query: '{ __schema { queryType { name } } }',
        },
      );
      expect(intro.data?.__schema.queryType.name).toBe('Query');
      const page = await fetch(server.graphqlUrl, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(
        /src="https:\/\/embeddable-sandbox\.cdn\.apollographql\.com/,
      );
    });
  });

  it('production: no stack traces, no introspection unless enabled, no Sandbox', async () => {
    await withServer({ NODE_ENV: 'production' }, async (server) => {
      const error = firstError(
        await postGraphQL(server.graphqlUrl, { query: '{ people(first: -1) { totalCount } }' }),
      );
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.stacktrace).toBeUndefined();
      const intro = await postGraphQL(server.graphqlUrl, {
        query: '{ __schema { queryType { name } } }',
      });
      expect(firstError(intro).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const page = await fetch(server.graphqlUrl, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/src="https:\/\/embeddable-sandbox/);
      // Field suggestions would map the schema for anyone.
      const typo = firstError(
        await postGraphQL(server.graphqlUrl, { query: '{ peopl { totalCount } }' }),
      );
      expect(typo.message).not.toMatch(/Did you mean/);
    });
    await withServer({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }, async (server) => {
      const intro = await postGraphQL<{ __schema: { queryType: { name: string } } }>(
        server.graphqlUrl,
        {
          query: '{ __schema { queryType { name } } }',
        },
      );
      expect(intro.data?.__schema.queryType.name).toBe('Query');
    });
  });
});

// ---- helpers ----

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Forwards TCP to Neo4j; close() drops every connection, as a network outage would. */
class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  open(port: number): Promise<number> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.port, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}
