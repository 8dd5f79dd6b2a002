/**
 * Starts an arm as its own Node process (`node --import tsx bench/arms/<arm>.ts`: one process,
 * so its pid is the API's and /proc/<pid>/status is its memory), waits for its ready line,
 * and reads its round-trip counter and peak RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArmName } from '../questions/operations.js';
import type { BenchNeo4jSettings } from '../neo4j.js';
import { ROUND_TRIPS_PATH } from './env.js';

const ARM_FILES: Record<ArmName, string> = {
  A: 'floor.ts',
  B: 'togys.ts',
  C: 'peer.ts',
  D: 'naive.ts',
};

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
  const file = fileURLToPath(new URL(`./${ARM_FILES[arm]}`, import.meta.url));
  // The runtime flags `npm start` and the Docker image use, the same for every arm.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--max-semi-space-size=32', '--import', 'tsx', file],
    {
      env: {
        ...process.env,
        // As deployed (Dockerfile): graphql-js, express and Apollo skip their development checks
        // (graphql-js's instanceOf alone is several % of a nested query). Same for every arm.
        NODE_ENV: process.env.NODE_ENV ?? 'production',
        BENCH_ARM_PORT: String(port),
        BENCH_NEO4J_URI: neo4j.uri,
        BENCH_NEO4J_USERNAME: neo4j.username,
        BENCH_NEO4J_PASSWORD: neo4j.password,
        BENCH_NEO4J_DATABASE: neo4j.database,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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
