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
import { stripVTControlCharacters } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyGraphSchema, graphSchemaStatements } from '../../src/graph/schema.js';
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

    // Not a terminal: one line per phase (Neo4j, its constraints and indexes, the seeding),
    // then the URLs, last.
    const messages = main.lines.map((l) => String(l.msg));
    const phases = [
      /^Neo4j answers$/,
      /^constraints and indexes: (\d+) of \1 online \(\d+ created\)$/,
      /^seeded \d+ article\(s\): \d+ created, 0 updated, 0 unchanged$/,
      /^GraphQL: http:\/\/localhost:\d+\/graphql$/,
      /^GraphiQL and Apollo Sandbox: linked from /,
      /^Neo4j: bolt:/,
    ];
    const startup = messages.slice(0, messages.findIndex((m) => m.startsWith('Neo4j: ')) + 1);
    expect(startup.map((m) => phases.findIndex((p) => p.test(m)))).toEqual([0, 1, 2, 3, 4, 5]);

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
    // Seeding a fresh Neo4j compiles the write statements first: slow on a busy machine.
  }, 120_000);

  it('on a terminal says each step: the constraints and indexes it creates, the articles to write, then what was seeded, and the URLs last', async () => {
    await clearGraph(driver);
    // Every constraint and index but one in place, so start-up has one to create and says so.
    await applyGraphSchema(driver, testNeo4j().database);
    await driver.executeQuery('DROP INDEX meeting_date', {}, { database: testNeo4j().database });
    const neo4j = testNeo4j();
    // `script` runs main.ts on a pseudo-terminal (stdout.isTTY), as `npm start` in a shell;
    // Ctrl-C written to it reaches main.ts as SIGINT. `exec`: no shell stays in between (one
    // that sees Ctrl-C too exits by SIGINT, whatever main.ts answers).
    const command = `exec ${process.execPath} --import tsx ${path.join('src', 'main.ts')}`;
    const tty = spawn('script', ['-qefc', command, '/dev/null'], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        TERM: 'dumb',
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: '0',
        SEED_ON_START: 'true',
        NEO4J_URI: neo4j.uri,
        NEO4J_USERNAME: neo4j.username,
        NEO4J_PASSWORD: neo4j.password,
        NEO4J_DATABASE: neo4j.database,
      },
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => tty.once('exit', resolve));
    const served = new Promise<void>((resolve) =>
      tty.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/Neo4j: bolt:/.test(output)) resolve();
      }),
    );
    await Promise.race([served, exited]);
    tty.stdin.write('\x03');
    expect(await exited, output).toBe(0);

    // pino-pretty's lines, without their colours and time stamps: the messages in order.
    const messages = stripVTControlCharacters(output)
      .split(/\r?\n/)
      .map((line) => /^\[[\d:.]+\] \w+ \([^)]*\): (.*)$/.exec(line.trim())?.[1])
      .filter((m): m is string => m !== undefined);
    const total = graphSchemaStatements().length;
    const expected = [
      'Neo4j answers',
      `constraints and indexes: ${total - 1} of ${total} in place, creating 1…`,
      `constraints and indexes: ${total} of ${total} (created meeting_date)`,
      `constraints and indexes: ${total} of ${total} online (1 created)`,
      /^seeding: (\d+) article\(s\) to write, 0 unchanged…$/,
      /^writing \d+ new article\(s\) in one transaction: article\//,
      /^committed \d+ new article\(s\)$/,
      /^seeded \d+ article\(s\): \d+ created, 0 updated, 0 unchanged$/,
      /^GraphQL: /,
      /^GraphiQL and Apollo Sandbox: /,
      /^Neo4j: bolt:/,
    ];
    // Less the seeder's lines per article and its warnings (the registry's unused entries).
    const said = messages.filter((m) => !/: created; created \d+ nodes|^warning: /.test(m));
    const startup = said.slice(0, said.findIndex((m) => m.startsWith('Neo4j: ')) + 1);
    expect(startup.length, output).toBe(expected.length);
    startup.forEach((m, i) => {
      const e = expected[i]!;
      if (typeof e === 'string') expect(m).toBe(e);
      else expect(m).toMatch(e);
    });
    expect(messages).toContain('stopped');
  }, 120_000);

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
