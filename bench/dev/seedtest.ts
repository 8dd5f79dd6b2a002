import neo4j from 'neo4j-driver';
import { seedCorpus } from '../../src/seed/index.js';
const d = neo4j.driver('bolt://localhost:57687', neo4j.auth.basic('neo4j', 'togys-bench-password'));
const t = Date.now();
const r = await seedCorpus(d, {
  database: 'neo4j',
  paths: [process.argv[2]!],
  dryRun: process.argv[3] === 'dry',
});
console.log(
  JSON.stringify(r.articles.slice(0, 2), null, 1),
  r.articles.length,
  Date.now() - t,
  'ms',
);
await d.close();
