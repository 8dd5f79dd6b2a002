/** Development helper: dump the running bench graph, LOAD CSV it into the baseline server, compare. */
import neo4j from 'neo4j-driver';
import { applyGraphSchema } from '../../src/graph/schema.js';
import { startBenchNeo4j } from '../neo4j.js';
import { clearDatabase, graphCounts } from '../seeding/clear.js';
import { dumpGraph } from '../seeding/dump.js';
import { exportCsv, runLoadCsv } from '../seeding/load-csv.js';
import { measureRowPerTx } from '../seeding/row-per-tx.js';

const main = neo4j.driver(
  'bolt://localhost:57687',
  neo4j.auth.basic('neo4j', 'togys-bench-password'),
);
const { settings, server } = await startBenchNeo4j(console.log, 'baseline');
const base = neo4j.driver(settings.uri, neo4j.auth.basic('neo4j', settings.password));
let t = performance.now();
const dump = await dumpGraph(main, 'neo4j');
console.log('dump', dump.nodes.length, dump.rels.length, Math.round(performance.now() - t), 'ms');
await clearDatabase(base, 'neo4j');
await applyGraphSchema(base, 'neo4j');
t = performance.now();
const statements = exportCsv(dump, settings.importDir, 'smoke');
console.log('csv export', statements.length, Math.round(performance.now() - t), 'ms');
t = performance.now();
const written = await runLoadCsv(base, 'neo4j', statements, console.log);
console.log('load csv', written, Math.round(performance.now() - t), 'ms');
const [a, b] = [await graphCounts(main, 'neo4j'), await graphCounts(base, 'neo4j')];
console.log('same counts:', JSON.stringify(a) === JSON.stringify(b));
t = performance.now();
if (process.env.ROWTX)
  console.log(
    await measureRowPerTx(main, 'neo4j', dump, { nodes: 300, rels: 600 }),
    Math.round(performance.now() - t),
    'ms',
  );
console.log(
  'main counts unchanged:',
  JSON.stringify(await graphCounts(main, 'neo4j')) === JSON.stringify(a),
);
await Promise.all([main.close(), base.close()]);
await server.stop();
