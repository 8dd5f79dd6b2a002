/** Development helper: starts the four arms against the running bench Neo4j and compares answers. */
import neo4j from 'neo4j-driver';
import { buildArms, launchArm } from '../arms/launch.js';
import { chooseParams } from '../questions/choose.js';
import { ARMS, armRequest, canonicalAnswer } from '../questions/operations.js';
import { QUESTIONS } from '../questions/params.js';

const settings = {
  uri: 'bolt://localhost:57687',
  username: 'neo4j',
  password: 'togys-bench-password',
  database: 'neo4j',
  importDir: '',
};
const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password));
const params = await chooseParams(driver, settings.database);
console.log(params);
buildArms(console.log);
const arms = await Promise.all(
  ARMS.map((arm, i) => launchArm(arm, 58100 + i * 10, settings, console.log)),
);
for (const q of QUESTIONS) {
  const answers: string[] = [];
  for (const arm of arms) {
    const req = armRequest(arm.arm, q, params);
    const before = await arm.roundTrips();
    const t = performance.now();
    const res = await fetch(arm.baseUrl + req.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: req.body,
    });
    const json: unknown = await res.json();
    const ms = performance.now() - t;
    const trips = (await arm.roundTrips()) - before;
    try {
      const c = JSON.stringify(canonicalAnswer(arm.arm, q, json));
      answers.push(c);
      console.log(q, arm.arm, `${ms.toFixed(1)}ms`, `trips=${trips}`, c.slice(0, 160));
    } catch (e) {
      answers.push('ERR');
      console.log(q, arm.arm, 'ERROR', String(e).slice(0, 600));
    }
  }
  console.log(
    q,
    'agree:',
    answers.map((a) => a === answers[0]),
  );
}
await Promise.all(arms.map((a) => a.stop()));
await driver.close();
