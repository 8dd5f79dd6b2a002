/**
 * `src/main.ts` as a real child process (what `npm start` runs) against the
 * test Neo4j: it starts, seeds, serves, and on SIGTERM finishes a request in
 * flight before exiting 0.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/neo4j-local/provision.js';
import { isPortOpen, localNeo4jHome } from '../../src/neo4j-local/server.js';
import { clearGraph, createTestDriver, testNeo4j } from '../helpers/neo4j.js';

interface LogLine {
  msg?: string;
  component?: string;
  graphqlUrl?: string;
  port?: number;
  level?: number;
  path?: string;
}

/** Spawns main.ts with the test Neo4j in its environment; JSON log lines go to `lines`. */
function spawnMain(env: Record<string, string>) {
  const neo4j = testNeo4j();
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=32', '--import', 'tsx', path.join('src', 'main.ts')],
    {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
        // As `npm start` runs it: in development, Apollo would install its own signal handlers
        // unless told not to (a shutdown that hung once), so the test must not hide them.
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: '0',
        NEO4J_URI: neo4j.uri,
        NEO4J_USERNAME: neo4j.username,
        NEO4J_PASSWORD: neo4j.password,
        NEO4J_DATABASE: neo4j.database,
        ...env,
      },
    },
  );
  const lines: LogLine[] = [];
  const waiters: Array<{ test: (l: LogLine) => boolean; resolve: (l: LogLine) => void }> = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (text) => {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      line = { msg: text };
    }
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  /** Resolves with the first log line (past or future) that passes `test`; rejects if the process exits first. */
  const waitForLine = (test: (l: LogLine) => boolean): Promise<LogLine> => {
    const seen = lines.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      waiters.push({ test, resolve });
      void exited.then((code) =>
        reject(
          new Error(
            `main.ts exited (${code}) before the expected log line.\nstdout: ${JSON.stringify(lines)}\nstderr: ${stderr}`,
          ),
        ),
      );
    });
  };
  return { child, lines, exited, waitForLine, stderr: () => stderr };
}

describe('npm start (src/main.ts) as a process', () => {
  let driver: Driver;
  let child: ChildProcessWithoutNullStreams | undefined;
  beforeAll(async () => {
    driver = createTestDriver();
    await clearGraph(driver);
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await driver.close();
  });

  it('seeds, serves, and on SIGTERM finishes the request in flight, then exits 0', async () => {
    const main = spawnMain({ SEED_ON_START: 'true' });
    child = main.child;
    const serving = await main.waitForLine((l) => typeof l.graphqlUrl === 'string');
    const port = serving.port!;
    const base = `http://127.0.0.1:${port}`;

    // Serving only after seeding: ready at once, and the graph holds the corpus.
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', neo4j: 'up', seeded: true });
    const { records } = await driver.executeQuery(
      'MATCH (a:Article) RETURN count(a) AS n',
      {},
      { database: testNeo4j().database },
    );
    expect(Number(records[0]!.get('n'))).toBeGreaterThan(0);

    // Not a terminal: the seeding is said once, in one line, before the URLs.
    const messages = main.lines.map((l) => String(l.msg));
    const seededAt = messages.findIndex((m) => /^seeded \d+ article\(s\): \d+ created/.test(m));
    expect(messages.filter((m) => /^seeded /.test(m))).toHaveLength(1);
    expect(seededAt).toBeGreaterThan(-1);
    expect(seededAt).toBeLessThan(messages.findIndex((m) => m.startsWith('GraphQL:')));

    // In flight: headers sent with Expect: 100-continue, so the server's
    // "continue" proves it has taken the request; the body follows only once
    // the process has logged that it is stopping.
    const body = JSON.stringify({ query: '{ __typename }' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            expect: '100-continue',
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.on('continue', () => {
        main.child.kill('SIGTERM');
        main
          .waitForLine((l) => l.msg?.startsWith('received SIGTERM') === true)
          .then(() => req.end(body), reject);
      });
      req.flushHeaders();
    });

    const answered = await answer;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text)).toMatchObject({ data: { __typename: 'Query' } });
    expect(await main.exited).toBe(0);
    expect(main.lines.some((l) => l.msg === 'stopped')).toBe(true);
    // At LOG_LEVEL=info each request gets its line (probes only at debug).
    const logged = main.lines.filter((l) => l.msg === 'request');
    expect(logged).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/graphql', status: 200 }),
    );
    expect(logged.some((l) => l.path === '/ready')).toBe(false);
  });

  it('refuses to start on a bad variable, naming it, with exit code 1', async () => {
    const main = spawnMain({ PORT: 'eighty', GRAPHQL_MAX_DEPTH: '0' });
    expect(await main.exited).toBe(1);
    expect(main.stderr()).toMatch(/PORT: expected a TCP port/);
    expect(main.stderr()).toMatch(/GRAPHQL_MAX_DEPTH: expected an integer 1–100, got "0"/);
  });

  it('without NEO4J_URI, stops the local Neo4j it was starting when SIGTERM comes during start-up', async () => {
    // Ports of our own, next to the test Neo4j's, so no Neo4j anyone else runs is touched.
    const { uri } = testNeo4j();
    const boltPort = (Number(new URL(uri).port) || 17687) + 10;
    const httpPort = boltPort + 1;
    expect(await isPortOpen(boltPort)).toBe(false);
    rmSync(localNeo4jHome(boltPort), { recursive: true, force: true });

    const main = spawnMain({
      NEO4J_URI: '',
      NEO4J_PASSWORD: '',
      NEO4J_LOCAL_BOLT_PORT: String(boltPort),
      NEO4J_LOCAL_HTTP_PORT: String(httpPort),
      SEED_ON_START: 'false',
    });
    child = main.child;
    await main.waitForLine((l) => l.msg?.startsWith('Starting Neo4j Community') === true);
    main.child.kill('SIGTERM');

    expect(await main.exited).toBe(0);
    const messages = main.lines.map((l) => l.msg);
    expect(messages).toContain('local Neo4j stopped');
    expect(messages).not.toContain(expect.stringMatching(/^GraphQL:/));
    expect(await isPortOpen(boltPort)).toBe(false);
    expect(await isPortOpen(httpPort)).toBe(false);
    rmSync(localNeo4jHome(boltPort), { recursive: true, force: true });
  }, 180_000);
});
