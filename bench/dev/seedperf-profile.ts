/**
 * PROFILE of the seeder's article statement on the current graph (rolled back), for one
 * article of a corpus: operators with their db hits and rows, heaviest first.
 *   npx tsx bench/dev/seedperf-profile.ts <corpus dir> [article index] [create|merge]
 */
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { planCorpus } from '../../src/seed/index.js';
import { nodeStatements, relationshipStatements } from '../../src/seed/statement.js';
import { SEEDPERF } from './seedperf-server.js';

const [corpus, indexArg, variant] = process.argv.slice(2);
const fresh = variant !== 'merge';
if (corpus === undefined) throw new Error('usage: seedperf-profile.ts <corpus dir> [index]');
const plans = planCorpus([corpus]);
const plan = plans[Number(indexArg ?? plans.length - 1)];
if (plan === undefined) throw new Error('no such article');
const driver = neo4j.driver(
  `bolt://localhost:${SEEDPERF.boltPort}`,
  neo4j.auth.basic('neo4j', SEEDPERF.password),
);
const session = driver.session({ database: 'neo4j' });
const tx = await session.beginTransaction();
const start = performance.now();
const results = [];
const elementIds = new Map<string, string>();
for (const s of nodeStatements([plan], fresh)) {
  const result = await tx.run(`PROFILE ${s.cypher}`, s.params);
  for (const r of result.records)
    elementIds.set(r.get('key') as string, r.get('elementId') as string);
  results.push(result);
}
for (const s of relationshipStatements([plan], fresh, elementIds))
  results.push(await tx.run(`PROFILE ${s.cypher}`, s.params));
console.log(`${plan.articleId}: ${(performance.now() - start).toFixed(1)} ms`);
await tx.rollback();
const rows: Array<{ op: string; hits: number; rows: number; detail: string }> = [];
const walk = (p: ProfiledPlan) => {
  rows.push({
    op: p.operatorType,
    hits: p.dbHits,
    rows: p.rows,
    detail: String(p.arguments.Details ?? '').slice(0, 110),
  });
  p.children.forEach(walk);
};
for (const result of results) if (result.summary.profile) walk(result.summary.profile);
const total = rows.reduce((n, r) => n + r.hits, 0);
console.log(`total db hits ${total}`);
for (const r of rows.sort((a, b) => b.hits - a.hits).slice(0, 30))
  console.log(
    `${String(r.hits).padStart(8)} ${String(r.rows).padStart(6)} ${r.op.padEnd(28)} ${r.detail}`,
  );
console.log('Eager:', rows.filter((r) => r.op.startsWith('Eager')).length);
console.log(
  'label/all scans:',
  rows.filter((r) => /Scan/.test(r.op)).map((r) => r.op + ' ' + r.detail),
);
await session.close();
await driver.close();
