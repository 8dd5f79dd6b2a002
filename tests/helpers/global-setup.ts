/**
 * Vitest globalSetup: one real Neo4j for the whole test run.
 *
 * NEO4J_URI set → the tests use that server (they clear its database: never
 * point it at data you care about). Otherwise the local Neo4j is started on its
 * own ports and data dir (TEST_NEO4J_BOLT_PORT / TEST_NEO4J_HTTP_PORT, default
 * 17687 / 17474, data in .neo4j/test-<bolt port>) so a Neo4j the user runs on
 * 7687 is never touched, and it is stopped when the run ends.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { LOCAL_NEO4J_ROOT } from '../../src/neo4j-local/provision.js';
import { startLocalNeo4j } from '../../src/neo4j-local/server.js';

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** Neo4j Browser of the local test server; null when NEO4J_URI points elsewhere. */
  browserUrl: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    if (!process.env.NEO4J_PASSWORD) {
      throw new Error('NEO4J_URI is set for the tests but NEO4J_PASSWORD is not: set both.');
    }
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD,
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
      browserUrl: null,
    });
    return async () => {};
  }
  const boltPort = testPort('TEST_NEO4J_BOLT_PORT', 17687);
  const httpPort = testPort('TEST_NEO4J_HTTP_PORT', 17474);
  const home = path.join(LOCAL_NEO4J_ROOT, `test-${boltPort}`);
  // A fresh store every run: tests start from a known, empty graph.
  rmSync(home, { recursive: true, force: true });
  const password = 'togys-test-password';
  const neo4j = await startLocalNeo4j({
    home,
    boltPort,
    httpPort,
    password,
    log: (line) => console.log(`[neo4j] ${line}`),
  });
  project.provide('neo4j', {
    uri: neo4j.boltUri,
    username: 'neo4j',
    password,
    database: 'neo4j',
    browserUrl: neo4j.browserUrl,
  });
  return () => neo4j.stop();
}

function testPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name}: expected a TCP port 1–65535, got ${JSON.stringify(raw)}`);
  }
  return port;
}
