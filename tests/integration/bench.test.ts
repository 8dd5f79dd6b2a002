/**
 * The benchmark's moving parts against the real Neo4j: the synthetic corpus passes the real
 * seeder's validation and seeds, and the four arms (separate processes, as in `npm run bench`)
 * give the same answers to the six questions. No timing is asserted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArms, launchArm, type RunningArm } from '../../bench/arms/launch.js';
import { writeCorpus } from '../../bench/generate-corpus.js';
import { chooseParams } from '../../bench/questions/choose.js';
import {
  ARMS,
  armRequest,
  canonicalAnswer,
  searchQueries,
  type SearchQueries,
} from '../../bench/questions/operations.js';
import { QUESTIONS, type QuestionParams } from '../../bench/questions/params.js';
import { seedCorpus } from '../../src/seed/index.js';
import { clearGraph, createTestDriver, testNeo4j } from '../helpers/neo4j.js';

const ARTICLES = 12;

/** Two consecutive free ports (togys's arm serves on p and its counter on p + 1). */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const nextFree = await new Promise<boolean>((resolve) => {
      const s = net.createServer().once('error', () => resolve(false));
      s.listen(port + 1, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (nextFree && port < 65000) return port;
  }
}

describe('benchmark corpus and arms', () => {
  let driver: Driver;
  let dir: string;
  const arms: RunningArm[] = [];
  let params: QuestionParams;
  let report: Awaited<ReturnType<typeof seedCorpus>>;

  beforeAll(async () => {
    driver = createTestDriver();
    await clearGraph(driver);
    dir = mkdtempSync(path.join(os.tmpdir(), 'togys-bench-corpus-'));
    writeCorpus(dir, { seed: 7, count: ARTICLES });
    // In beforeAll: the first seed of a fresh database also creates and awaits the indexes.
    report = await seedCorpus(driver, { database: testNeo4j().database, paths: [dir] });
  });

  afterAll(async () => {
    await Promise.all(arms.map((a) => a.stop()));
    await driver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes articles the real seeder validates and seeds', async () => {
    const { database } = testNeo4j();
    expect(report.articles).toHaveLength(ARTICLES);
    expect(report.articles.every((a) => a.status === 'created')).toBe(true);
    // One held meeting per article (some articles also announce a planned one).
    const { records } = await driver.executeQuery(
      `MATCH (m:Meeting {status: 'HELD'})<-[:PARTICIPATED_IN]-(p:Person)
       WITH m, count(p) AS participants
       RETURN count(m) AS meetings, min(participants) AS fewest`,
      {},
      { database },
    );
    expect(Number(records[0]!.get('meetings'))).toBe(ARTICLES);
    expect(Number(records[0]!.get('fewest'))).toBeGreaterThanOrEqual(2);
    // Entities are shared across articles: fewer people than participations.
    const shared = await driver.executeQuery(
      'MATCH (p:Person) WHERE COUNT { (p)-[:PARTICIPATED_IN]->() } > 1 RETURN count(p) AS c',
      {},
      { database },
    );
    expect(Number(shared.records[0]!.get('c'))).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed writes the same files', () => {
    const again = mkdtempSync(path.join(os.tmpdir(), 'togys-bench-corpus-'));
    try {
      const first = writeCorpus(again, { seed: 7, count: 3 });
      for (const id of first.articleIds) {
        const slug = id.replace('article/', '');
        for (const file of [`${slug}.yaml`, `${slug}.kk.txt`]) {
          expect(readFileSync(path.join(again, file), 'utf8')).toBe(
            readFileSync(path.join(dir, file), 'utf8'),
          );
        }
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('gets the same answer to every question from the four arms', async () => {
    const neo = testNeo4j();
    params = await chooseParams(driver, neo.database);
    await buildArms(() => {});
    for (const arm of ARMS) {
      arms.push(await launchArm(arm, await freePortPair(), { ...neo, importDir: '' }, () => {}));
    }
    for (const q of QUESTIONS) {
      const answers = new Map<string, unknown>();
      const data = new Map<string, unknown>();
      for (const arm of arms) {
        const req = armRequest(arm.arm, q, params);
        const res = await fetch(arm.baseUrl + req.path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: req.body,
        });
        const json = (await res.json()) as { data?: unknown };
        data.set(arm.arm, json.data);
        answers.set(arm.arm, canonicalAnswer(arm.arm, q, json, params));
      }
      const floor = answers.get('A');
      expect(floor, `A's answer to ${q}`).not.toBeNull();
      for (const arm of ARMS) expect(answers.get(arm), `${arm}'s answer to ${q}`).toEqual(floor);
      // The floor answers what B answers, item for item and in B's order (the canonical form
      // sorts and deduplicates lists, which would hide a floor that skips that work).
      expect(data.get('A'), `A's answer to ${q}, as B's`).toEqual(data.get('B'));
    }
  }, 180_000);

  it('A, C and D take the fallback pass as togys does when the main one finds fewer than first', async () => {
    const { main } = searchQueries(params);
    const nothing = 'zzzznomatch';
    const others = arms.filter((a) => a.arm !== 'B');
    const ask = (search: SearchQueries, p = params) =>
      Promise.all(
        others.map(async (arm) => {
          const req = armRequest(arm.arm, 'search', p, search);
          const res = await fetch(arm.baseUrl + req.path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: req.body,
          });
          return canonicalAnswer(arm.arm, 'search', await res.json(), p) as {
            above: unknown[];
            atCutoff: { count: number };
          };
        }),
      );
    const hits = (a: { above: unknown[]; atCutoff: { count: number } }) =>
      a.above.length + a.atCutoff.count;
    const [mainOnly] = await ask({ main, fallback: null });
    const found = hits(mainOnly!);
    expect(found).toBeGreaterThan(0);
    // The main pass finds nothing: each arm answers with the fallback's hits.
    for (const answer of await ask({ main: nothing, fallback: main })) {
      expect(answer).toEqual(mainOnly);
    }
    // The main pass fills `first`: the fallback (which finds nothing) is not taken.
    for (const answer of await ask(
      { main, fallback: nothing },
      { ...params, searchFirst: found },
    )) {
      expect(hits(answer)).toBe(found);
    }
  });

  it('counts round trips: the naive arm pays one per parent, togys a constant number', async () => {
    const naive = arms.find((a) => a.arm === 'D')!;
    const togys = arms.find((a) => a.arm === 'B')!;
    const trips = async (arm: RunningArm, pageSize: number) => {
      const before = await arm.roundTrips();
      const req = armRequest(arm.arm, 'nested', { ...params, pageSize });
      await fetch(arm.baseUrl + req.path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: req.body,
      });
      return (await arm.roundTrips()) - before;
    };
    expect(await trips(togys, 2)).toBe(await trips(togys, 8));
    expect(await trips(naive, 8)).toBeGreaterThan(await trips(naive, 2));
  });

  // Last: it replaces the graph the arms above were compared on.
  it('a corpus of 50 articles with the new vocabulary passes the real seeder: validated, then seeded', async () => {
    const big = mkdtempSync(path.join(os.tmpdir(), 'togys-bench-corpus-'));
    try {
      writeCorpus(big, { seed: 42, count: 50 });
      const { database } = testNeo4j();
      const dry = await seedCorpus(driver, { database, paths: [big], dryRun: true });
      expect(dry.dryRun).toBe(true);
      expect(dry.articles).toHaveLength(50);
      // Its slugs are the small corpus's (they follow the index): start from an empty graph.
      await clearGraph(driver);
      const written = await seedCorpus(driver, { database, paths: [big] });
      expect(written.articles.every((a) => a.status === 'created')).toBe(true);
      const { records } = await driver.executeQuery(
        `RETURN COUNT { (:Meeting {status: 'PLANNED'}) } AS planned,
           COUNT { (:Document {documentType: 'DECREE'})-[:APPOINTED]->(:Person) } AS appointments,
           COUNT { ()-[r:HOLDS_OFFICE WHERE r.startDate IS NOT NULL]->() } AS dated,
           COUNT { (:Document)-[:SIGNED_AT]->(:Meeting) } AS signedAt,
           COUNT { (:Meeting)-[:DURING]->(:Event {eventType: 'OFFICIAL_VISIT'}) } AS during`,
        {},
        { database },
      );
      for (const kind of ['planned', 'appointments', 'dated', 'signedAt', 'during']) {
        expect(Number(records[0]!.get(kind)), kind).toBeGreaterThan(0);
      }
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  }, 300_000);
});
