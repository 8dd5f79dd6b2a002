import { planCorpus } from '../../src/seed/index.js';
const t = performance.now();
const plans = planCorpus([process.argv[2]!]);
console.log(plans.length, 'plans in', Math.round(performance.now() - t), 'ms');
