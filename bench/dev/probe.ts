/** Development helper: load one arm on one question, e.g. `probe.ts B lookup 8 5 58200`. */
import neo4j from 'neo4j-driver';
import { measure } from '../load.js';
import { chooseParams } from '../questions/choose.js';
import { armRequest, type ArmName } from '../questions/operations.js';
import type { QuestionName } from '../questions/params.js';

const [arm, q, conns, dur, port] = process.argv.slice(2) as [
  ArmName,
  QuestionName,
  string,
  string,
  string,
];
const d = neo4j.driver('bolt://localhost:57687', neo4j.auth.basic('neo4j', 'togys-bench-password'));
const params = await chooseParams(d, 'neo4j');
await d.close();
console.log(
  arm,
  q,
  conns,
  await measure(
    `http://127.0.0.1:${port}`,
    armRequest(arm, q, params),
    Number(conns),
    1,
    Number(dur),
  ),
);
