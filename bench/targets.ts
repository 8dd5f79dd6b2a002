/** Issue 5's targets, evaluated on one run's results: met or missed, with the numbers. */
import type { ArmName } from './questions/operations.js';
import { QUESTIONS, type QuestionName } from './questions/params.js';
import type { BenchResults, LoadRow, TargetResult } from './results.js';

const r2 = (x: number) => Math.round(x * 100) / 100;

function row(
  load: LoadRow[],
  arm: ArmName,
  q: QuestionName,
  connections: number,
): LoadRow | undefined {
  return load.find((l) => l.arm === arm && l.question === q && l.connections === connections);
}

/** The best req/s over the connection counts: the arm's saturated throughput. */
export function saturated(load: LoadRow[], arm: ArmName, q: QuestionName): number | undefined {
  const rows = load.filter((l) => l.arm === arm && l.question === q);
  return rows.length ? Math.max(...rows.map((l) => l.reqPerSec)) : undefined;
}

function perQuestion(
  target: string,
  questions: readonly QuestionName[],
  check: (q: QuestionName) => { ok: boolean; text: string } | undefined,
): TargetResult {
  const parts: string[] = [];
  let met = true;
  for (const q of questions) {
    const c = check(q);
    if (!c) {
      met = false;
      parts.push(`${q}: not measured`);
      continue;
    }
    if (!c.ok) met = false;
    parts.push(`${q}: ${c.text}${c.ok ? '' : ' ✗'}`);
  }
  return { target, met, detail: parts.join('; ') };
}

export function evaluateTargets(r: BenchResults): TargetResult[] {
  const { load } = r;
  const conns = [...new Set(load.map((l) => l.connections))].sort((a, b) => a - b);
  const targets: TargetResult[] = [];

  targets.push(
    perQuestion('GraphQL overhead: B p50 at 1 connection ≤ 1.25× A', QUESTIONS, (q) => {
      const a = row(load, 'A', q, 1)?.p50Ms;
      const b = row(load, 'B', q, 1)?.p50Ms;
      if (a == null || b == null) return undefined;
      return { ok: b <= 1.25 * a, text: `${r2(b / a)}×` };
    }),
  );
  targets.push(
    perQuestion('GraphQL overhead: B saturated req/s ≥ 0.8× A', QUESTIONS, (q) => {
      const a = saturated(load, 'A', q);
      const b = saturated(load, 'B', q);
      if (!a || b === undefined) return undefined;
      return { ok: b >= 0.8 * a, text: `${r2(b / a)}×` };
    }),
  );
  targets.push(
    perQuestion('Peer: B saturated req/s ≥ 1.5× C (nested, list)', ['nested', 'list'], (q) => {
      const c = saturated(load, 'C', q);
      const b = saturated(load, 'B', q);
      if (!c || b === undefined) return undefined;
      return { ok: b >= 1.5 * c, text: `${r2(b / c)}×` };
    }),
  );
  targets.push(
    perQuestion(
      'Peer: B p99 ≤ C p99 on every question (every connection count)',
      QUESTIONS,
      (q) => {
        const pairs = conns.map(
          (c) => [row(load, 'B', q, c)?.p99Ms, row(load, 'C', q, c)?.p99Ms] as const,
        );
        if (pairs.some(([b, c]) => b == null || c == null)) return undefined;
        const ok = pairs.every(([b, c]) => b! <= c!);
        return { ok, text: pairs.map(([b, c], i) => `c${conns[i]} ${b}/${c} ms`).join(', ') };
      },
    ),
  );
  const trips = r.nestedRoundTrips.map((n) => n.roundTrips);
  targets.push({
    target:
      'No N+1: B round trips per operation constant in the result size (nested, 5 vs 20 meetings)',
    met: trips.length > 1 && trips.every((t) => t === trips[0]),
    detail: r.nestedRoundTrips
      .map((n) => `${n.pageSize} meetings → ${n.roundTrips} round trips`)
      .join('; '),
  });
  targets.push(
    perQuestion('No N+1: B saturated req/s ≥ 3× D (nested)', ['nested'], (q) => {
      const d = saturated(load, 'D', q);
      const b = saturated(load, 'B', q);
      if (d === undefined || b === undefined) return undefined;
      return {
        ok: d === 0 ? b > 0 : b >= 3 * d,
        text: d === 0 ? `D completed no request; B ${b} req/s` : `${r2(b / d)}×`,
      };
    }),
  );
  // Judged on the rates, not on the report's ratios (rounded to 2 digits: 0.4954 shows as 0.5).
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  for (const s of r.seeding) {
    const { seederElementsPerS: seeder, rowPerTxElementsPerS: row, loadCsvElementsPerS: csv } = s;
    targets.push({
      target: `Seeding (${s.scale} articles): seeder ≥ 20× one row per transaction`,
      met: seeder >= 20 * row,
      detail: `${seeder} vs ${row} elements/s = ${r3(seeder / row)}×`,
    });
    targets.push({
      target: `Seeding (${s.scale} articles): seeder ≥ 0.5× LOAD CSV`,
      met: seeder >= 0.5 * csv,
      detail: `${seeder} vs ${csv} elements/s = ${r3(seeder / csv)}×`,
    });
  }
  const scales = [...new Set(r.scaleLatency.map((s) => s.scale))].sort((a, b) => a - b);
  const small = scales[0];
  const large = scales.at(-1);
  if (small !== undefined && large !== undefined && large !== small) {
    targets.push(
      perQuestion(
        `Scale: B p50 at ${large} articles ≤ 1.5× at ${small} (lookup, search)` +
          (large < 10000 ? ' — 10,000 not in this run' : ''),
        ['lookup', 'search'],
        (q) => {
          const a = r.scaleLatency.find((s) => s.scale === small && s.question === q)?.p50Ms;
          const b = r.scaleLatency.find((s) => s.scale === large && s.question === q)?.p50Ms;
          if (a == null || b == null) return undefined;
          return { ok: b <= 1.5 * a, text: `${b} vs ${a} ms = ${r2(b / a)}×` };
        },
      ),
    );
  } else {
    targets.push({
      target: 'Scale: B p50 at 10,000 ≤ 1.5× at 100 (lookup, search)',
      met: false,
      detail: 'one scale only in this run',
    });
  }
  const budget = r.quick ? 120 : 600;
  targets.push({
    target: `Run time: ${r.quick ? '--quick' : 'default'} run under ${budget / 60} min`,
    met: r.totalS < budget,
    detail: `${r.totalS} s`,
  });
  return targets;
}
