/**
 * Starts an arm as its own Node process (`node dist/bench-build/bench/arms/<arm>.js`: one
 * process, so its pid is the API's and /proc/<pid>/status is its memory), waits for its ready
 * line, and reads its round-trip counter and peak RSS.
 *
 * Arms run compiled, as the API is deployed (the Dockerfile runs `node dist/main.js`): under
 * tsx, esbuild's name-keeping wrappers and source-mapped stack traces (the driver captures one
 * per statement) cost every arm 10–35% of its CPU, which is not what a deployment pays.
 * `buildArms` compiles them (and the src/ they import) with tsconfig.bench.json once per run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root.js';
import type { ArmName } from '../questions/operations.js';
import type { BenchNeo4jSettings } from '../neo4j.js';
import { ROUND_TRIPS_PATH } from './env.js';

const ARM_FILES: Record<ArmName, string> = {
  A: 'floor.js',
  B: 'togys.js',
  C: 'peer.js',
  D: 'naive.js',
};

/** Where tsconfig.bench.json compiles the arms (and the src/ they import). */
const ARMS_BUILD_DIR = path.join(PROJECT_ROOT, 'dist', 'bench-build', 'bench', 'arms');

/** Compiles the arms and what they import into dist/bench-build (a few seconds); throws with tsc's output. */
/** Compiles the arms (tsc in a child process, so the bench can start its servers meanwhile). */
export async function buildArms(log: (line: string) => void): Promise<void> {
  log('compiling the arms (tsconfig.bench.json)…');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.bench.json'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`compiling the arms failed (exit ${code}):\n${output}`);
}

export interface RunningArm {
  arm: ArmName;
  pid: number;
  baseUrl: string;
  /** Cypher statements the arm has sent so far. */
  roundTrips(): Promise<number>;
  /** Peak resident set size in MiB (VmHWM), or null where /proc is not available. */
  peakRssMiB(): number | null;
  stop(): Promise<void>;
}

export async function launchArm(
  arm: ArmName,
  port: number,
  neo4j: BenchNeo4jSettings,
  log: (line: string) => void,
): Promise<RunningArm> {
  const file = path.join(ARMS_BUILD_DIR, ARM_FILES[arm]);
  // The runtime flags `npm start` and the Docker image use, the same for every arm.
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=32', file], {
    env: {
      ...process.env,
      // As deployed (Dockerfile): graphql-js, fastify and Apollo skip their development checks
      // (graphql-js's instanceOf alone is several % of a nested query). Same for every arm.
      NODE_ENV: process.env.NODE_ENV ?? 'production',
      BENCH_ARM_PORT: String(port),
      BENCH_NEO4J_URI: neo4j.uri,
      BENCH_NEO4J_USERNAME: neo4j.username,
      BENCH_NEO4J_PASSWORD: neo4j.password,
      BENCH_NEO4J_DATABASE: neo4j.database,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const controlPort = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`arm ${arm} did not start in 60 s:\n${stderr}`)),
      60_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /BENCH_ARM_READY (\d+) (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[2]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`arm ${arm} exited (${code}) before it was ready:\n${stderr}`));
    });
  });
  const pid = child.pid!;
  log(`arm ${arm} ready on port ${port} (pid ${pid})`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    arm,
    pid,
    baseUrl: `http://127.0.0.1:${port}`,
    roundTrips: async () => {
      const res = await fetch(`http://127.0.0.1:${controlPort}${ROUND_TRIPS_PATH}`);
      return ((await res.json()) as { count: number }).count;
    },
    peakRssMiB: () => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
        return kb ? Math.round(Number(kb) / 1024) : null;
      } catch {
        return null;
      }
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
