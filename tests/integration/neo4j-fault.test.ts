/**
 * Neo4j killed (-9) under load and restarted, against the real HTTP server: no request outlives
 * its deadline, every error is SERVICE_UNAVAILABLE or TIMEOUT, /ready answers within its own
 * timeout throughout, the outage costs the log a few lines, not megabytes, and once the API has
 * run its recent statements again (src/graph/replan.ts) every answer is correct and prompt, the
 * first within 2 s of that.
 *
 * Not asserted: correct answers within 2 s of Bolt answering. A restarted Neo4j plans and first
 * runs each statement on a cold JVM, and that alone, with no API in between (a bare driver,
 * one statement at a time), takes several times 2 s on a shared 2-core machine
 * (bench/dev/restart-plans.ts measures it; figures in bench/results/2026-12-03-fault-recovery.md).
 * The API cannot answer before Neo4j has a plan; what it controls is asserted: it notices Neo4j
 * is back within a probe interval, has each statement planned once (not once per waiting
 * request), and answers correctly within 2 s of the plans being made. The summary line printed reports the time from Bolt to the first correct
 * answer.
 *
 * Opt-in (TEST_NEO4J_FAULT=1), not in the default suite: it needs a Neo4j of its own, started
 * twice (once more after the kill) and seeded, and each start and the cold plans take tens of
 * seconds on a 2-core machine, far over the minute of suite time it may cost. Killing the suite's
 * shared Neo4j instead would save one start but leave every later test file to a restarted,
 * cold server, and vitest's globalSetup, which owns that process, could no longer stop it.
 * The Neo4j is on the suite's Bolt port + 20 and + 21 (TEST_FAULT_NEO4J_BOLT_PORT /
 * TEST_FAULT_NEO4J_HTTP_PORT override), and only its pid is ever killed; afterAll stops it.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { type Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/graph/driver.js';
import { LOCAL_NEO4J_ROOT } from '../../src/neo4j-local/provision.js';
import { isPortOpen, startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j-local/server.js';
import { seedCorpus } from '../../src/seed/index.js';
import { createApp, type App } from '../../src/server/app.js';
import { READY_TIMEOUT_MS } from '../../src/server/readiness.js';

// Next to the suite's Neo4j's ports (server-main.test.ts takes +10 and +11).
const SUITE_BOLT_PORT = Number(process.env.TEST_NEO4J_BOLT_PORT || 17687);
const BOLT_PORT = Number(process.env.TEST_FAULT_NEO4J_BOLT_PORT || SUITE_BOLT_PORT + 20);
const HTTP_PORT = Number(process.env.TEST_FAULT_NEO4J_HTTP_PORT || BOLT_PORT + 1);
const HOME = path.join(LOCAL_NEO4J_ROOT, `test-fault-${BOLT_PORT}`);
const PASSWORD = 'togys-fault-password';
const DEADLINE_MS = 4_000;
const CLIENTS = 4;
/** The API's log line once it has run its recent statements again after the outage. */
const REPLANNED = 'recent statements run again after the outage';
/** Longer than any replanning seen on the shared 2-core box. */
const REPLAN_LIMIT_MS = 60_000;
/** After the replanning, answers are correct and prompt within this. */
const RECOVERY_MS = 2_000;

/** What the clients ask, over and over: a lookup and a nested list (several statements). */
const QUERIES = [
  '{ node(id: "country/kz") { id ... on Country { name mentions(first: 3) { totalCount } } } }',
  '{ meetings(first: 5) { totalCount edges { node { id date participants { person { name } } } } } }',
];

let neo4jServer: LocalNeo4j | undefined;
let driver: Driver;
let app: App;
let url: string;
const logLines: Array<{ at: number; line: string }> = [];

function startNeo4j(): Promise<LocalNeo4j> {
  return startLocalNeo4j({
    home: HOME,
    boltPort: BOLT_PORT,
    httpPort: HTTP_PORT,
    password: PASSWORD,
  });
}

beforeAll(async () => {
  if (!process.env.TEST_NEO4J_FAULT) return;
  rmSync(HOME, { recursive: true, force: true });
  neo4jServer = await startNeo4j();
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_ON_START: 'false',
    NEO4J_URI: neo4jServer.boltUri,
    NEO4J_PASSWORD: PASSWORD,
    OPERATION_TIMEOUT_MS: String(DEADLINE_MS),
  });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        logLines.push({ at: Date.now(), line });
      }
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  driver = createDriver(config, { logger });
  await seedCorpus(driver, { database: 'neo4j' });
  app = await createApp({ config, driver, logger, isSeeded: () => true });
  url = (await app.start()).url;
}, 240_000);

afterAll(async () => {
  await app?.stop();
  await driver?.close();
  await neo4jServer?.stop();
  rmSync(HOME, { recursive: true, force: true });
}, 60_000);

interface Outcome {
  query: number;
  startedAt: number;
  ms: number;
  status: number;
  codes: string[];
  correct: boolean;
}

async function ask(query: number, expected: string): Promise<Outcome> {
  const startedAt = Date.now();
  // The client gives up well after the deadline: a request still open then has hung.
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERIES[query] }),
    signal: AbortSignal.timeout(DEADLINE_MS + 5_000),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: Array<{ extensions?: { code?: string } }>;
  };
  return {
    query,
    startedAt,
    ms: Date.now() - startedAt,
    status: response.status,
    codes: (body.errors ?? []).map((e) => String(e.extensions?.code)),
    correct: !body.errors && JSON.stringify(body.data) === expected,
  };
}

/** Resolves with the moment a fresh connection's trivial read first succeeds. */
async function boltAnswers(): Promise<number> {
  const probe = neo4j.driver(`bolt://localhost:${BOLT_PORT}`, neo4j.auth.basic('neo4j', PASSWORD), {
    connectionTimeout: 1_000,
  });
  try {
    for (;;) {
      try {
        await probe.executeQuery('RETURN 1', {}, { database: 'neo4j' });
        return Date.now();
      } catch {
        await sleep(100);
      }
    }
  } finally {
    await probe.close();
  }
}

describe.skipIf(!process.env.TEST_NEO4J_FAULT)('Neo4j killed under load, then restarted', () => {
  it(
    'errors only SERVICE_UNAVAILABLE or TIMEOUT, nothing past the deadline, correct within 2 s of the replanning, a short log',
    { timeout: 240_000 },
    async () => {
      // The answers when all is well (a fresh Neo4j plans them first: allow a few tries).
      const expected: string[] = [];
      for (const query of QUERIES) {
        for (let attempt = 1; ; attempt++) {
          const response = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
          });
          const body = (await response.json()) as { data: unknown; errors?: unknown };
          if (!body.errors) {
            expected.push(JSON.stringify(body.data));
            break;
          }
          expect(attempt, JSON.stringify(body.errors)).toBeLessThan(5);
        }
      }

      const outcomes: Outcome[] = [];
      const readyTimes: number[] = [];
      let running = true;
      const clients = Array.from({ length: CLIENTS }, async (_, c) => {
        for (let i = c; running; i++) {
          outcomes.push(await ask(i % QUERIES.length, expected[i % QUERIES.length]!));
          await sleep(20);
        }
      });
      const readiness = (async () => {
        while (running) {
          const startedAt = Date.now();
          await fetch(`${url}/ready`, { signal: AbortSignal.timeout(READY_TIMEOUT_MS + 5_000) });
          readyTimes.push(Date.now() - startedAt);
          await sleep(250);
        }
      })();

      await sleep(1_500);
      const killedAt = Date.now();
      process.kill(neo4jServer!.pid!, 'SIGKILL');
      await sleep(3_000);
      // Its port closes once the process is gone; a start before that would find it taken.
      while (await isPortOpen(BOLT_PORT)) await sleep(100);
      const logBeforeRestart = logLines.length;
      const restarting = startNeo4j();
      restarting.catch((error: unknown) => console.log(`restart failed: ${String(error)}`));
      const boltAt = await boltAnswers();
      neo4jServer = await restarting;
      logLines.push({ at: Date.now(), line: `[test] Bolt answered at +${boltAt - killedAt} ms` });
      // Load goes on until the API has run its recent statements again and served a while
      // after; a replanning that never ends fails below.
      const replannedAt = async (): Promise<number | undefined> => {
        for (const giveUp = Date.now() + REPLAN_LIMIT_MS; Date.now() < giveUp; await sleep(100)) {
          const line = logLines.find((l) => l.at >= boltAt - 1_000 && l.line.includes(REPLANNED));
          if (line) return line.at;
        }
        return undefined;
      };
      const replanned = await replannedAt();
      await sleep(Math.max(3_000 - (Date.now() - boltAt), 2_500));
      running = false;
      await Promise.all([...clients, readiness]);
      const backAt = Date.now();

      const endOf = (o: Outcome) => o.startedAt + o.ms;
      const firstCorrectEnd = Math.min(
        ...outcomes.filter((o) => o.startedAt >= killedAt && o.correct).map(endOf),
      );
      const afterReplanning = outcomes.filter((o) => replanned && o.startedAt >= replanned);
      const summary = JSON.stringify({
        requests: outcomes.length,
        boltAfterKillMs: boltAt - killedAt,
        replannedAfterBoltMs: replanned ? replanned - boltAt : null,
        firstCorrectAfterBoltMs: firstCorrectEnd - boltAt,
        firstCorrectAfterReplanningMs: replanned ? firstCorrectEnd - replanned : null,
        afterBolt: outcomes
          .filter((o) => endOf(o) >= boltAt)
          .sort((a, b) => a.startedAt - b.startedAt)
          .slice(0, 16)
          .map((o) => `+${o.startedAt - boltAt}:${o.ms}ms:${o.correct ? 'ok' : o.codes.join()}`),
        codes: [...new Set(outcomes.flatMap((o) => o.codes))],
      });
      console.log(summary);
      // Nothing hung: every answer came within the deadline (and a little for HTTP).
      expect(Math.max(...outcomes.map((o) => o.ms)), summary).toBeLessThan(DEADLINE_MS + 1_000);
      expect(
        outcomes.every((o) => o.status < 500),
        summary,
      ).toBe(true);
      // Every error is one the client can act on.
      for (const code of outcomes.flatMap((o) => o.codes)) {
        expect(['SERVICE_UNAVAILABLE', 'TIMEOUT'], summary).toContain(code);
      }
      // /ready answered within its own timeout throughout.
      expect(Math.max(...readyTimes), summary).toBeLessThan(READY_TIMEOUT_MS + 1_000);

      // The log of the outage: a few lines, a few KB, saying it went away and came back.
      // (Less the access log: one line per request, outage or not.)
      const outage = logLines
        .filter((l) => l.at >= killedAt && l.at <= backAt && !l.line.includes('"msg":"request"'))
        .map((l) => l.line);
      const bytes = outage.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0);
      expect(bytes, outage.join('\n')).toBeLessThan(4_096);
      expect(
        outage.some((l) => l.includes('Neo4j is unreachable')),
        outage.join('\n'),
      ).toBe(true);
      expect(
        outage.some((l) => l.includes('Neo4j is reachable again')),
        outage.join('\n'),
      ).toBe(true);
      // The outage was seen.
      expect(
        outcomes.some((o) => o.codes.includes('SERVICE_UNAVAILABLE')),
        summary,
      ).toBe(true);
      // Back: the API ran its recent statements again, and from then on it answers correctly
      // and promptly. (Within 2 s of Bolt answering is not asserted: see the header.)
      expect(replanned, summary).toBeDefined();
      expect(firstCorrectEnd - replanned!, summary).toBeLessThan(RECOVERY_MS);
      expect(afterReplanning.length, summary).toBeGreaterThan(0);
      for (const o of afterReplanning) {
        expect(o.correct && o.ms < RECOVERY_MS, summary).toBe(true);
      }
      expect(logBeforeRestart).toBeGreaterThan(0);
      console.log(outage.join('\n'));
    },
  );
});
