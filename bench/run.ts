/**
 * `npm run bench` — the benchmark of issue 5, end to end, in one process that drives everything
 * else as separate processes: two Neo4j servers (the seeded graph; a copy for LOAD CSV), four
 * arms (A floor, B togys, C peer, D naive), and autocannon load from this process.
 *
 * Steps: generate the corpus → for each scale: seed the next articles with the real seeder,
 * dump what they added, LOAD CSV it into the copy, time one row per transaction on a sample,
 * measure B's latency → at the comparison scale: check every arm answers like the floor, count
 * round trips, load every arm → write bench/results/<date>.md and .json.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { applyGraphSchema } from '../src/graph/schema.js';
import { seedCorpus } from '../src/seed/index.js';
import { buildArms, launchArm, type RunningArm } from './arms/launch.js';
import { DEFAULT_CORPUS_SEED, writeCorpus } from './generate-corpus.js';
import { floorQuery } from './arms/floor-cypher.js';
import { measure } from './load.js';
import { machineInfo } from './machine.js';
import { measureNeo4jTime } from './neo4j-time.js';
import { startBenchNeo4j, type BenchNeo4jSettings } from './neo4j.js';
import { parseOptions, type BenchOptions } from './options.js';
import { chooseParams } from './questions/choose.js';
import {
  ARMS,
  armRequest,
  canonicalAnswer,
  searchQueries,
  type ArmName,
} from './questions/operations.js';
import { QUESTIONS, type QuestionName, type QuestionParams } from './questions/params.js';
import { writeReport } from './report.js';
import type {
  ArmCheck,
  BenchResults,
  LoadRow,
  Neo4jTimeRow,
  ScaleLatency,
  SeedingBaselines,
  SeedingResult,
} from './results.js';
import { clearDatabase, graphCounts } from './seeding/clear.js';
import { dumpGraph, dumpIncrement, type GraphDump } from './seeding/dump.js';
import { exportCsv, runLoadCsv } from './seeding/load-csv.js';
import { measureRowPerTx } from './seeding/row-per-tx.js';
import { warmUpWriters } from './seeding/warm-up.js';
import { evaluateTargets } from './targets.js';

// A base port of its own lets two runs share a machine (each arm takes base + 10·i).
const ARM_PORT_BASE = Number(process.env.BENCH_ARM_PORT_BASE ?? 58100);
const ARM_PORTS: Record<ArmName, number> = {
  A: ARM_PORT_BASE + 10,
  B: ARM_PORT_BASE + 20,
  C: ARM_PORT_BASE + 30,
  D: ARM_PORT_BASE + 40,
};

const log = (line: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

function driverFor(s: BenchNeo4jSettings): Driver {
  return neo4j.driver(s.uri, neo4j.auth.basic(s.username, s.password));
}

async function ask(
  arm: RunningArm,
  q: QuestionName,
  params: QuestionParams,
): Promise<{ json: unknown; roundTrips: number }> {
  const req = armRequest(arm.arm, q, params);
  const before = await arm.roundTrips();
  const res = await fetch(arm.baseUrl + req.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: req.body,
  });
  const json: unknown = await res.json();
  return { json, roundTrips: (await arm.roundTrips()) - before };
}

/**
 * The measured duration at `connections`: the configured one, stretched for slow operations so
 * that enough requests complete (autocannon drops those still in flight when time is up).
 * Expected latency under load ≈ the 1-connection p50 × connections ÷ cores; keep ≥ 5 of those.
 */
function loadDuration(o: BenchOptions, connections: number, oneConnectionP50Ms: number): number {
  if (connections === 1) return o.durationS;
  const expectedS = (oneConnectionP50Ms / 1000) * (connections / Math.max(1, os.cpus().length));
  const stretchedS = Math.ceil(expectedS * 5 * 10) / 10; // autocannon keeps to 0.1 s (load.ts)
  return Math.min(o.maxLoadDurationS, Math.max(o.durationS, stretchedS));
}

/**
 * Waits until the arm has stopped sending Cypher: requests autocannon abandoned when its time
 * was up (the naive arm's nested query at 32 connections) are still being answered, and would
 * load Neo4j during the next measurement. Settled = no new statement for 150 ms (an answering
 * arm sends its next statement within milliseconds; the wait is paid 70 times a run).
 */
async function settle(arm: RunningArm, maxS = 60): Promise<void> {
  const deadline = Date.now() + maxS * 1000;
  let last = await arm.roundTrips();
  let quietSince = Date.now();
  while (Date.now() - quietSince < 150 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = await arm.roundTrips();
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    }
  }
}

function rate(count: number, ms: number): number {
  return ms > 0 ? Math.round((count / ms) * 1000 * 10) / 10 : 0;
}

interface Server {
  settings: BenchNeo4jSettings;
  driver: Driver;
}

/** Nodes + relationships in the graph (from the count store: instant at any size). */
async function elementCount(db: Server): Promise<number> {
  const { records } = await db.driver.executeQuery(
    'RETURN COUNT { MATCH (n) } + COUNT { MATCH ()-[r]->() } AS c',
    {},
    { database: db.settings.database },
  );
  return Number(records[0]!.get('c'));
}

/** The seeding baselines of one scale: the rows it added, by LOAD CSV and one per transaction. */
async function seedBaselines(
  o: BenchOptions,
  scale: number,
  main: Server,
  baseline: Server,
  added: GraphDump,
  seederEps: number,
): Promise<SeedingBaselines> {
  const elements = added.nodes.length + added.rels.length;
  const statements = exportCsv(added, baseline.settings.importDir, `bench-${scale}`);
  const t = performance.now();
  await runLoadCsv(baseline.driver, baseline.settings.database, statements);
  const loadCsvMs = performance.now() - t;
  const sameCounts =
    JSON.stringify(await graphCounts(main.driver, main.settings.database)) ===
    JSON.stringify(await graphCounts(baseline.driver, baseline.settings.database));
  log(`scale ${scale}: LOAD CSV ${Math.round(loadCsvMs)} ms; one row per transaction on a sample…`);
  const rowPerTx = await measureRowPerTx(
    main.driver,
    main.settings.database,
    added,
    o.rowPerTxSample,
  );
  const csvEps = rate(elements, loadCsvMs);
  const rowEps = rate(elements, rowPerTx.estimatedMs);
  return {
    loadCsvMs: Math.round(loadCsvMs),
    loadCsvSameCounts: sameCounts,
    rowPerTx,
    loadCsvElementsPerS: csvEps,
    rowPerTxElementsPerS: rowEps,
    seederVsRowPerTx: Math.round((seederEps / rowEps) * 100) / 100,
    seederVsLoadCsv: Math.round((seederEps / csvEps) * 100) / 100,
  };
}

const NO_BASELINES: SeedingBaselines = {
  loadCsvMs: null,
  loadCsvSameCounts: null,
  rowPerTx: null,
  loadCsvElementsPerS: null,
  rowPerTxElementsPerS: null,
  seederVsRowPerTx: null,
  seederVsLoadCsv: null,
};

async function seedScales(
  o: BenchOptions,
  corpusFiles: string[],
  main: Server,
  baseline: Server | undefined,
  onScale: (scale: number) => Promise<void>,
): Promise<SeedingResult[]> {
  // --quick is for API development and keeps to its time budget: its seeding figures are cold.
  if (!o.quick) {
    const articles = Math.min(50, o.scales[0] ?? 50);
    log(`warm-up: ${articles} articles of another corpus through each writer, then cleared…`);
    await warmUpWriters(
      { driver: main.driver, database: main.settings.database },
      baseline && {
        driver: baseline.driver,
        database: baseline.settings.database,
        importDir: baseline.settings.importDir,
      },
      {
        corpusDir: path.join('.neo4j', 'bench-corpus', 'warm-up'),
        seed: o.corpusSeed + 1,
        articles,
        rowPerTxSample: { nodes: 100, rels: 200 },
      },
    );
  }

  const results: SeedingResult[] = [];
  let previous: GraphDump | undefined;
  let previousElements = 0;
  let done = 0;
  for (const scale of o.scales) {
    const files = corpusFiles.slice(done, scale);
    log(`scale ${scale}: seeding ${files.length} articles with the real seeder…`);
    const t = performance.now();
    const chunk = o.seedChunk || files.length;
    for (let i = 0; i < files.length; i += chunk) {
      const paths = files.slice(i, i + chunk);
      await seedCorpus(main.driver, { database: main.settings.database, paths });
    }
    const seederMs = performance.now() - t;
    done = scale;

    let added: GraphDump | undefined;
    let elements: number;
    if (baseline) {
      const dump = await dumpGraph(main.driver, main.settings.database);
      added = dumpIncrement(previous, dump);
      previous = dump;
      elements = added.nodes.length + added.rels.length;
    } else {
      const total = await elementCount(main);
      elements = total - previousElements;
      previousElements = total;
    }
    const seederEps = rate(elements, seederMs);
    log(`scale ${scale}: seeder ${Math.round(seederMs)} ms for ${elements} elements`);
    results.push({
      scale,
      articles: files.length,
      elements,
      seederMs: Math.round(seederMs),
      seederElementsPerS: seederEps,
      seederArticlesPerS: rate(files.length, seederMs),
      ...(baseline && added
        ? await seedBaselines(o, scale, main, baseline, added, seederEps)
        : NO_BASELINES),
    });
    await onScale(scale);
  }
  return results;
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const loadAtStart = Math.round(os.loadavg()[0]! * 100) / 100;
  log(`options: ${JSON.stringify(o)}`);
  const notes: string[] = [];

  // The arms compile while the two servers start (seconds of --quick's two-minute budget).
  const maxScale = o.scales.at(-1)!;
  const corpusDir = path.join('.neo4j', 'bench-corpus', `seed-${o.corpusSeed}-n${maxScale}`);
  const armsBuilt = buildArms(log);
  const memory = { heap: o.neo4jHeap, pageCache: o.neo4jPageCache };
  const starting = Promise.all([
    startBenchNeo4j(log, 'main', { fresh: true, ...memory }),
    o.baselines ? startBenchNeo4j(log, 'baseline', { fresh: true, ...memory }) : undefined,
  ]);
  // A failed build is reported where it is awaited (below), after the servers are up.
  void armsBuilt.catch(() => undefined);
  const [mainServer, baselineServer] = await starting;
  const main: Server = { settings: mainServer.settings, driver: driverFor(mainServer.settings) };
  const baseline: Server | undefined = baselineServer && {
    settings: baselineServer.settings,
    driver: driverFor(baselineServer.settings),
  };
  const servers = baseline ? [main, baseline] : [main];
  const arms: RunningArm[] = [];
  try {
    const schemaApplied = Promise.all(
      servers.map(async (db) => {
        await clearDatabase(db.driver, db.settings.database);
        await applyGraphSchema(db.driver, db.settings.database);
      }),
    );
    // The arms start, and the corpus is written, while the servers apply the schema and bring
    // its indexes online.
    const launching = armsBuilt.then(() =>
      Promise.all(ARMS.map((arm) => launchArm(arm, ARM_PORTS[arm], main.settings, log))),
    );
    log(`generating ${maxScale} articles (seed ${o.corpusSeed}) into ${corpusDir}…`);
    writeCorpus(corpusDir, { seed: o.corpusSeed ?? DEFAULT_CORPUS_SEED, count: maxScale });
    const [schema, launched] = await Promise.allSettled([schemaApplied, launching]);
    if (launched.status === 'fulfilled') arms.push(...launched.value); // stopped in `finally`
    if (schema.status === 'rejected') throw schema.reason;
    if (launched.status === 'rejected') throw launched.reason;

    // Slugs start with the date, then the index: name order is generation order.
    const corpusFiles = readdirSync(corpusDir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => path.join(corpusDir, f));

    const byName = (name: ArmName) => arms.find((a) => a.arm === name)!;

    const scaleLatency: ScaleLatency[] = [];
    const neo4jTime: Neo4jTimeRow[] = [];
    const checks: ArmCheck[] = [];
    const load: LoadRow[] = [];
    const nestedRoundTrips: BenchResults['nestedRoundTrips'] = [];
    let comparedParams: QuestionParams | undefined;

    const seeding = await seedScales(o, corpusFiles, main, baseline, async (scale) => {
      const params = await chooseParams(main.driver, main.settings.database);
      log(`scale ${scale}: B latency, 1 connection, ${o.scaleDurationS} s per question`);
      // With one scale there is no growth to show (B's 1-connection load run says the same).
      for (const q of o.scales.length > 1 ? QUESTIONS : []) {
        const r = await measure(
          byName('B').baseUrl,
          armRequest('B', q, params),
          1,
          o.warmupS,
          o.scaleDurationS,
        );
        scaleLatency.push({
          scale,
          question: q,
          p50Ms: r.p50Ms,
          p99Ms: r.p99Ms,
          reqPerSec: r.reqPerSec,
        });
      }
      log(`scale ${scale}: Neo4j's own time, ${o.neo4jTimeS} s per question`);
      for (const q of QUESTIONS) {
        const query = floorQuery(q, params, q === 'search' ? searchQueries(params) : null);
        const t = await measureNeo4jTime(
          main.driver,
          main.settings.database,
          query,
          // The server is warm from B's run of the question; the floor's plan needs a few runs.
          Math.min(o.warmupS, 0.2),
          o.neo4jTimeS,
        );
        neo4jTime.push({ scale, question: q, ...t });
      }
      if (scale !== o.compareScale) return;

      comparedParams = params;
      log(
        `scale ${scale}: checking answers and counting round trips (params ${JSON.stringify(params)})`,
      );
      const agreeing = new Set<string>();
      for (const q of QUESTIONS) {
        const reference = await ask(byName('A'), q, params);
        const expected = JSON.stringify(canonicalAnswer('A', q, reference.json, params));
        for (const arm of arms) {
          const answer = arm.arm === 'A' ? reference : await ask(arm, q, params);
          let agrees = false;
          let detail: string | undefined;
          try {
            const got = JSON.stringify(canonicalAnswer(arm.arm, q, answer.json, params));
            agrees = got === expected;
            if (!agrees) detail = `answer differs from A's: ${got.slice(0, 300)}`;
          } catch (error) {
            detail = String(error).slice(0, 400);
          }
          if (agrees) agreeing.add(`${arm.arm}|${q}`);
          else log(`  ${arm.arm} ${q}: NOT EQUAL — ${detail}`);
          checks.push({
            arm: arm.arm,
            question: q,
            agrees,
            roundTrips: answer.roundTrips,
            ...(detail ? { detail } : {}),
          });
        }
      }
      for (const pageSize of [5, params.pageSize]) {
        const r = await ask(byName('B'), 'nested', { ...params, pageSize });
        nestedRoundTrips.push({ pageSize, roundTrips: r.roundTrips });
      }

      log(
        `scale ${scale}: load — ${o.connections.join('/')} connections, ${o.warmupS} s warm-up + ${o.durationS} s each`,
      );
      // Arms take turns at each connection count (question → connections → arm), so that a drift
      // of the machine during a question (a Neo4j checkpoint, index merges, a busy neighbour)
      // falls on every arm alike instead of on whichever arm's block it overlaps.
      const ascending = [...o.connections].sort((a, b) => a - b);
      for (const q of QUESTIONS) {
        const timed = arms.filter((arm) => agreeing.has(`${arm.arm}|${q}`)); // a faster wrong answer does not count
        const oneConnectionP50Ms = new Map<ArmName, number>();
        for (const connections of ascending) {
          for (const arm of timed) {
            const durationS = loadDuration(o, connections, oneConnectionP50Ms.get(arm.arm) ?? 0);
            const r = await measure(
              arm.baseUrl,
              armRequest(arm.arm, q, params),
              connections,
              o.warmupS,
              durationS,
            );
            if (connections === 1) oneConnectionP50Ms.set(arm.arm, r.p50Ms ?? 0);
            await settle(arm);
            load.push({ arm: arm.arm, question: q, ...r });
            log(
              `  ${q} ${arm.arm} c=${connections}: ${r.reqPerSec} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}`,
            );
          }
        }
      }
    });

    const peakRssMiB = Object.fromEntries(arms.map((a) => [a.arm, a.peakRssMiB()]));
    const machine = await machineInfo(main.driver, o.neo4jHeap, o.neo4jPageCache, loadAtStart);
    const busy = Math.max(machine.loadAverage.start, machine.loadAverage.end);
    if (busy > machine.cores) {
      notes.push(
        `The machine was busy with other work (1-minute load average ${machine.loadAverage.start} at the start, ` +
          `${machine.loadAverage.end} at the end, on ${machine.cores} cores): absolute numbers are noisy; ` +
          'rerun on a quiet machine before reading much into small ratios.',
      );
    }
    if (!comparedParams) throw new Error('the comparison scale was never reached');
    const finishedAt = new Date();
    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      totalS: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
      quick: o.quick,
      growth: o.growth,
      options: { ...o },
      machine,
      params: comparedParams,
      seeding,
      scaleLatency,
      neo4jTime,
      checks,
      nestedRoundTrips,
      load,
      peakRssMiB,
      targets: [],
      notes,
    };
    results.targets = evaluateTargets(results);
    const files = await writeReport(results, o.outDir);
    log(`done in ${results.totalS} s: ${files.join(', ')}`);
  } finally {
    await Promise.all(arms.map((a) => a.stop()));
    await Promise.all(servers.map((db) => db.driver.close()));
    await Promise.all([mainServer.server.stop(), baselineServer?.server.stop()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
