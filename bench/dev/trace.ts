/**
 * Measures: which Cypher B sends per question, with each statement's db hits (PROFILE) and median
 * time, next to A's single statement. Starts the bench Neo4j on the graph the last bench run left
 * (bench/neo4j.ts: BENCH_NEO4J_* as for `npm run bench`) and arm B on BENCH_DEV_API_PORT (and the
 * port after it, for B's round-trip counter):
 *   npx tsx bench/dev/trace.ts
 */
import { readFileSync, rmSync } from 'node:fs';
import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';
import { buildArms, launchArm } from '../arms/launch.js';
import { floorQuery } from '../arms/floor-cypher.js';
import { startBenchNeo4j } from '../neo4j.js';
import { chooseParams } from '../questions/choose.js';
import { armRequest, searchQueries } from '../questions/operations.js';
import { QUESTIONS } from '../questions/params.js';
import { devSetting } from './profiling-neo4j.js';

const TRACE = '/tmp/togys-bench-trace.jsonl';

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Object.keys(o).length === 2 && 'low' in o && 'high' in o)
      return neo4j.Integer.fromBits(o.low as number, o.high as number);
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

function dbHits(plan: ProfiledPlan | false): number {
  if (!plan) return 0;
  return plan.dbHits + plan.children.reduce((s, c) => s + dbHits(c), 0);
}

async function cost(driver: Driver, cypher: string, params: Record<string, unknown>) {
  const profiled = await driver.executeQuery(`PROFILE ${cypher}`, params, {
    database: 'neo4j',
    routing: 'READ',
  });
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    await driver.executeQuery(cypher, params, { database: 'neo4j', routing: 'READ' });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    hits: dbHits(profiled.summary.profile),
    rows: profiled.records.length,
    ms: Math.round(times[7]! * 100) / 100,
  };
}

const { settings, server } = await startBenchNeo4j(() => {});
const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password));
rmSync(TRACE, { force: true });
process.env.BENCH_TRACE_FILE = TRACE;
await buildArms(() => {});
const b = await launchArm('B', Number(devSetting('BENCH_DEV_API_PORT')), settings, () => {});
try {
  const params = await chooseParams(driver, 'neo4j');
  for (const q of QUESTIONS) {
    const req = armRequest('B', q, params);
    const post = () =>
      fetch(b.baseUrl + req.path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: req.body,
      }).then((r) => r.text());
    await post();
    rmSync(TRACE, { force: true });
    await post();
    const statements = readFileSync(TRACE, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { cypher: string; params: Record<string, unknown> });
    const a = floorQuery(q, params, q === 'search' ? searchQueries(params) : null);
    const ac = await cost(driver, a.cypher, a.params);
    console.log(
      `\n== ${q}: A 1 statement, ${ac.hits} db hits, ${ac.ms} ms; B ${statements.length} statements:`,
    );
    for (const s of statements) {
      const c = await cost(driver, s.cypher, revive(s.params) as Record<string, unknown>);
      console.log(
        `  ${c.hits} db hits, ${c.rows} rows, ${c.ms} ms — ${s.cypher.replace(/\s+/g, ' ').slice(0, 150)}`,
      );
    }
  }
} finally {
  await b.stop();
  await driver.close();
  await server.stop();
}
