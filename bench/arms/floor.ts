/**
 * Arm A — the floor: hand-written Cypher through neo4j-driver behind a bare node:http handler,
 * no GraphQL. `POST /q/<question>` with `{ params, search }` answers `{"data": …}` in B's shape.
 *
 * As little as an API can do per request: one auto-commit read (one network round trip, like
 * B's executor; a managed transaction adds BEGIN and COMMIT), the statement's one value written
 * out as it comes.
 */
import http from 'node:http';
import neo4j from 'neo4j-driver';
import type { RoundTripCounter } from './counting-driver.js';
import { announceReady, armDriver, readArmEnv, ROUND_TRIPS_PATH } from './env.js';
import { FLOOR_COLUMN, floorQuery } from './floor-cypher.js';
import type { SearchQueries } from '../questions/operations.js';
import { QUESTIONS, type QuestionName, type QuestionParams } from '../questions/params.js';

const env = readArmEnv();
const counter: RoundTripCounter = { count: 0 };
const driver = armDriver(env, counter, { plainIntegers: true });
const questions = new Set<string>(QUESTIONS);

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: http.ServerResponse, status: number, json: string): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

async function answer(question: QuestionName, body: string): Promise<string> {
  const { params, search } = JSON.parse(body) as {
    params: QuestionParams;
    search: SearchQueries | null;
  };
  const query = floorQuery(question, params, search);
  const session = driver.session({ database: env.database, defaultAccessMode: neo4j.session.READ });
  try {
    const { records } = await session.run(query.cypher, query.params);
    return `{"data":${JSON.stringify(records[0]?.get(FLOOR_COLUMN) ?? null)}}`;
  } finally {
    await session.close();
  }
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === ROUND_TRIPS_PATH)
    return send(res, 200, JSON.stringify({ count: counter.count }));
  const name = req.url?.startsWith('/q/') ? req.url.slice(3) : '';
  if (req.method !== 'POST' || !questions.has(name))
    return send(res, 404, JSON.stringify({ error: `no route ${req.method} ${req.url}` }));
  readBody(req)
    .then((body) => answer(name as QuestionName, body))
    .then(
      (json) => send(res, 200, json),
      (error: unknown) => send(res, 500, JSON.stringify({ error: String(error) })),
    );
});

server.listen(env.port, '127.0.0.1', () => announceReady(env.port));
