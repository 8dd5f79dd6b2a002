/**
 * Arm A — the floor: hand-written Cypher through neo4j-driver behind a bare node:http handler,
 * no GraphQL. `POST /q/<question>` with `{ params, lucene }` answers the question's rows as JSON.
 */
import http from 'node:http';
import type { RoundTripCounter } from './counting-driver.js';
import { announceReady, armDriver, readArmEnv, ROUND_TRIPS_PATH } from './env.js';
import { floorQuery } from './floor-cypher.js';
import { QUESTIONS, type QuestionName, type QuestionParams } from '../questions/params.js';

const env = readArmEnv();
const counter: RoundTripCounter = { count: 0 };
const driver = armDriver(env, counter, { plainIntegers: true });

function isQuestion(name: string): name is QuestionName {
  return (QUESTIONS as readonly string[]).includes(name);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

const server = http.createServer((req, res) => {
  void (async () => {
    if (req.method === 'GET' && req.url === ROUND_TRIPS_PATH)
      return send(res, 200, { count: counter.count });
    const name = req.url?.startsWith('/q/') ? req.url.slice(3) : '';
    if (req.method !== 'POST' || !isQuestion(name))
      return send(res, 404, { error: `no route ${req.method} ${req.url}` });
    const body = JSON.parse(await readBody(req)) as { params: QuestionParams; lucene: string };
    const { cypher, params } = floorQuery(name, body.params, body.lucene);
    const session = driver.session({ database: env.database, defaultAccessMode: 'READ' });
    try {
      const result = await session.executeRead((tx) => tx.run(cypher, params));
      send(res, 200, { rows: result.records.map((r) => r.toObject()) });
    } finally {
      await session.close();
    }
  })().catch((error: unknown) => send(res, 500, { error: String(error) }));
});

server.listen(env.port, '127.0.0.1', () => announceReady(env.port));
