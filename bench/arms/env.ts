/** Settings every arm process reads from its environment (the bench runner sets them). */
import neo4j, { type Driver } from 'neo4j-driver';
import { countingDriver, type RoundTripCounter } from './counting-driver.js';

export interface ArmEnv {
  port: number;
  uri: string;
  username: string;
  password: string;
  database: string;
}

export function readArmEnv(env: NodeJS.ProcessEnv = process.env): ArmEnv {
  const missing = ['BENCH_ARM_PORT', 'BENCH_NEO4J_URI', 'BENCH_NEO4J_PASSWORD'].filter(
    (k) => !env[k],
  );
  if (missing.length > 0)
    throw new Error(`Arm process: missing environment variable(s) ${missing.join(', ')}`);
  return {
    port: Number(env.BENCH_ARM_PORT),
    uri: env.BENCH_NEO4J_URI!,
    username: env.BENCH_NEO4J_USERNAME ?? 'neo4j',
    password: env.BENCH_NEO4J_PASSWORD!,
    database: env.BENCH_NEO4J_DATABASE ?? 'neo4j',
  };
}

/** A driver for the bench Neo4j whose Cypher statements are counted in `counter`. */
export function armDriver(
  env: ArmEnv,
  counter: RoundTripCounter,
  options: { plainIntegers?: boolean } = {},
): Driver {
  // Plain JS numbers where the arm serializes records itself; @neo4j/graphql wants the default.
  const raw = neo4j.driver(env.uri, neo4j.auth.basic(env.username, env.password), {
    disableLosslessIntegers: options.plainIntegers ?? false,
  });
  return countingDriver(raw, counter);
}

/**
 * The line the runner waits for on the arm's stdout: the port it serves and the port where
 * `ROUND_TRIPS_PATH` answers (the same one, except for togys, whose app routes stay untouched).
 */
export function announceReady(port: number, controlPort = port): void {
  process.stdout.write(`BENCH_ARM_READY ${port} ${controlPort}\n`);
}

export const ROUND_TRIPS_PATH = '/__bench/roundtrips';
