/**
 * Validation of a corpus on the main thread (planCorpus) vs in worker threads
 * (validateCorpus with `threads`): wall and CPU time of each, and whether the plans are equal.
 *   npx tsx bench/dev/seedperf-validate.ts <corpus dir> [threads 2]
 */
import { isDeepStrictEqual } from 'node:util';
import { planCorpus, validateCorpus } from '../../src/seed/index.js';
const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: seedperf-validate.ts <corpus dir> [threads]');
let c = process.cpuUsage();
let t = performance.now();
const a = planCorpus([dir]);
let u = process.cpuUsage(c);
console.log(
  'sync',
  Math.round(performance.now() - t),
  'cpu',
  Math.round((u.user + u.system) / 1000),
);
c = process.cpuUsage();
t = performance.now();
const b = await validateCorpus([dir], { threads: Number(process.argv[3] ?? 2) });
u = process.cpuUsage(c);
console.log(
  'workers',
  Math.round(performance.now() - t),
  'cpu',
  Math.round((u.user + u.system) / 1000),
);
console.log('equal', isDeepStrictEqual(a, b), a.length, b.length);
