/** Renders a run's results as Markdown and writes it with the JSON to bench/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { ARM_TITLES, ARMS, type ArmName } from './questions/operations.js';
import { QUESTION_TITLES, QUESTIONS } from './questions/params.js';
import type { BenchResults, LoadRow } from './results.js';
import { bP50AtScale, saturated } from './targets.js';

const fmt = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? '—' : String(Math.round(x * 10 ** digits) / 10 ** digits);
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null || b === 0 ? '—' : `${fmt(a / b)}×`;

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function loadRow(load: LoadRow[], arm: ArmName, q: string, c: number): LoadRow | undefined {
  return load.find((l) => l.arm === arm && l.question === q && l.connections === c);
}

function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  const conns = [...new Set(r.load.map((l) => l.connections))].sort((a, b) => a - b);
  const out: string[] = [];
  const mode = r.quick ? ' -- --quick' : r.growth ? ' -- --growth' : '';
  out.push(`# togys benchmark — ${r.startedAt.slice(0, 10)}${mode ? ` (${mode.slice(4)})` : ''}`);
  out.push('');
  out.push(
    `Run ${r.startedAt} → ${r.finishedAt} (${r.totalS} s). Reproduce: \`npm run bench${mode}\` ` +
      `(options: \`${JSON.stringify(r.options)}\`). Ratios compare arms measured in this same run on this machine.`,
  );
  out.push('');
  out.push('## Machine');
  out.push('');
  out.push(
    table(
      [
        'cpu',
        'cores',
        'memory',
        'os',
        'node',
        'neo4j',
        'neo4j heap / page cache',
        'load average start / end',
      ],
      [
        [
          m.cpuModel,
          String(m.cores),
          `${m.memoryGiB} GiB`,
          m.os,
          m.node,
          m.neo4j,
          `${m.neo4jHeap} / ${m.neo4jPageCache}`,
          `${m.loadAverage.start} / ${m.loadAverage.end}`,
        ],
      ],
    ),
  );
  out.push('');
  out.push(
    `Packages: ${Object.entries(m.packages)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  out.push('');

  out.push('## Targets');
  out.push('');
  out.push(
    table(
      ['target', 'result', 'numbers'],
      r.targets.map((t) => [t.target, t.met ? '**met**' : '**MISSED**', t.detail]),
    ),
  );
  out.push('');

  out.push('## Seeding throughput');
  out.push('');
  out.push(
    'Each scale adds the next articles of the same deterministic corpus on top of the previous scale. ' +
      '"Seeder" is the real seeder (`seedCorpus`, validation and planning included). "LOAD CSV" writes the ' +
      'same added nodes and relationships (dumped from the seeded graph, exported as CSV into a second Neo4j ' +
      'with the same settings and schema) with `LOAD CSV … CALL { } IN TRANSACTIONS OF 5000 ROWS`. ' +
      '"Row per tx" writes one node or relationship per transaction; it is measured on a stride sample of ' +
      'the added rows (written as copies into the full graph, then removed) and **extrapolated per element** ' +
      'to all added rows. Before the first scale, each method writes 50 articles of another corpus once, ' +
      'unmeasured, and both graphs are emptied: the servers are fresh JVMs, and whatever writes first would ' +
      'otherwise pay their JIT warm-up (not in `--quick`, whose seeding figures are from cold servers).',
  );
  out.push('');
  out.push(
    table(
      [
        'scale',
        'articles added',
        'elements added',
        'seeder s',
        'seeder articles/s',
        'seeder elements/s',
        'LOAD CSV elements/s',
        'row/tx elements/s (sample)',
        'seeder ÷ row/tx',
        'seeder ÷ LOAD CSV',
        'copy has same counts',
      ],
      r.seeding.map((s) => [
        String(s.scale),
        String(s.articles),
        String(s.elements),
        fmt(s.seederMs / 1000, 1),
        fmt(s.seederArticlesPerS, 1),
        fmt(s.seederElementsPerS, 0),
        fmt(s.loadCsvElementsPerS, 0),
        s.rowPerTx
          ? `${fmt(s.rowPerTxElementsPerS, 1)} (${s.rowPerTx.sampledNodes} nodes, ${s.rowPerTx.sampledRels} rels)`
          : '—',
        s.seederVsRowPerTx == null ? '—' : `${fmt(s.seederVsRowPerTx)}×`,
        s.seederVsLoadCsv == null ? '—' : `${fmt(s.seederVsLoadCsv)}×`,
        s.loadCsvSameCounts == null ? '—' : s.loadCsvSameCounts ? 'yes' : 'NO',
      ]),
    ),
  );
  out.push('');
  if (r.seeding.some((s) => s.rowPerTx == null)) {
    out.push(
      'This run leaves out the baselines (—): they hold a dump of the whole graph in the runner; ' +
        'the default run compares them.',
    );
    out.push('');
  }

  out.push('## Questions');
  out.push('');
  out.push(
    table(
      ['question', 'what'],
      QUESTIONS.map((q) => [q, QUESTION_TITLES[q]]),
    ),
  );
  out.push('');
  out.push(
    `Parameters (chosen from the graph at the comparison scale): \`${JSON.stringify(r.params)}\``,
  );
  out.push('');

  out.push('## Answers checked and Cypher round trips per operation');
  out.push('');
  out.push(
    "Every arm's answer is reduced to a canonical form and compared with the floor's (A) before any timing; " +
      'an arm that disagrees is not timed on that question.',
  );
  out.push('');
  out.push(
    table(
      ['question', ...ARMS.map((a) => ARM_TITLES[a])],
      QUESTIONS.map((q) => [
        q,
        ...ARMS.map((a) => {
          const c = r.checks.find((x) => x.arm === a && x.question === q);
          if (!c) return '—';
          return `${c.agrees ? 'equal' : '**DIFFERS**'}, ${c.roundTrips} round trip${c.roundTrips === 1 ? '' : 's'}`;
        }),
      ]),
    ),
  );
  const differing = r.checks.filter((c) => !c.agrees);
  if (differing.length) {
    out.push('');
    for (const c of differing) out.push(`- ${c.arm} / ${c.question}: ${c.detail ?? ''}`);
  }
  out.push('');
  out.push(
    `B's round trips for the nested question: ${r.nestedRoundTrips.map((n) => `${n.pageSize} meetings → ${n.roundTrips}`).join(', ')}.`,
  );
  out.push('');

  out.push('## Load');
  out.push('');
  out.push(
    '1 connection: sequential requests timed in the runner process (sub-millisecond resolution). ' +
      '8 and 32 connections: autocannon (1 ms resolution). Each after a warm-up at the same concurrency. ' +
      'The arms take turns at each connection count of a question (A, B, C, D at 1, then at 8, …), so a ' +
      'drift of the machine falls on all of them alike.',
  );
  out.push('');
  for (const q of QUESTIONS) {
    out.push(`### ${q} — ${QUESTION_TITLES[q]}`);
    out.push('');
    const rows: string[][] = [];
    for (const c of conns) {
      for (const a of ARMS) {
        const l = loadRow(r.load, a, q, c);
        if (!l) continue;
        rows.push([
          String(c),
          ARM_TITLES[a],
          fmt(l.reqPerSec, 1),
          fmt(l.p50Ms),
          fmt(l.p99Ms),
          String(l.errors),
        ]);
      }
    }
    out.push(table(['connections', 'arm', 'req/s', 'p50 ms', 'p99 ms', 'errors'], rows));
    out.push('');
    const ratioRows = conns.map((c) => {
      const b = loadRow(r.load, 'B', q, c);
      return [
        String(c),
        ...(['A', 'C', 'D'] as const).flatMap((x) => {
          const o = loadRow(r.load, x, q, c);
          return [
            ratio(b?.reqPerSec, o?.reqPerSec),
            ratio(b?.p50Ms, o?.p50Ms),
            ratio(b?.p99Ms, o?.p99Ms),
          ];
        }),
      ];
    });
    out.push(
      table(
        [
          'connections',
          'B/A req/s',
          'B/A p50',
          'B/A p99',
          'B/C req/s',
          'B/C p50',
          'B/C p99',
          'B/D req/s',
          'B/D p50',
          'B/D p99',
        ],
        ratioRows,
      ),
    );
    out.push('');
    out.push(
      `Saturated (best over connection counts) req/s: ${ARMS.map((a) => `${a} ${fmt(saturated(r.load, a, q), 1)}`).join(', ')}.`,
    );
    out.push('');
  }

  out.push("## Neo4j's own time per question (the physical limit)");
  out.push('');
  out.push(
    "The floor's statement of each question, run one at a time in the runner (auto-commit reads, " +
      "as A runs them), timed by Neo4j itself: the result summary's `resultAvailableAfter` + " +
      '`resultConsumedAfter` (planning, execution, streaming; no network, no client). Each is a ' +
      'whole number of milliseconds, so the mean over the runs is the figure (the median of a ' +
      "sub-millisecond statement is 0 or 1). B's p50 at 1 connection is shown as a multiple of it.",
  );
  out.push('');
  const timed = [...new Set((r.neo4jTime ?? []).map((t) => t.scale))].sort((a, b) => a - b);
  if (timed.length === 0) out.push('Not measured in this run.');
  else
    out.push(
      table(
        [
          'question',
          ...timed.flatMap((s) => [
            `${s} articles: Neo4j mean ms (p50, runs)`,
            `${s}: B p50 ms`,
            `${s}: B ÷ Neo4j`,
          ]),
        ],
        QUESTIONS.map((q) => [
          q,
          ...timed.flatMap((s) => {
            const t = r.neo4jTime?.find((x) => x.scale === s && x.question === q);
            const b = bP50AtScale(r, s, q);
            return [
              t ? `${fmt(t.meanMs, 3)} (${t.p50Ms}, ${t.runs})` : '—',
              fmt(b),
              ratio(b, t?.meanMs),
            ];
          }),
        ]),
      ),
    );
  out.push('');

  out.push('## Latency of B as the corpus grows (1 connection)');
  out.push('');
  const scales = [...new Set(r.scaleLatency.map((s) => s.scale))].sort((a, b) => a - b);
  if (scales.length === 0)
    out.push('Not measured: this run has one corpus scale (see B at 1 connection above).');
  else
    out.push(
      table(
        ['question', ...scales.map((s) => `${s} articles p50 / p99 ms`)],
        QUESTIONS.map((q) => [
          q,
          ...scales.map((s) => {
            const l = r.scaleLatency.find((x) => x.scale === s && x.question === q);
            return l ? `${fmt(l.p50Ms)} / ${fmt(l.p99Ms)}` : '—';
          }),
        ]),
      ),
    );
  out.push('');

  out.push('## API process peak RSS (VmHWM)');
  out.push('');
  out.push(
    table(
      ['arm', 'peak RSS MiB'],
      ARMS.map((a) => [ARM_TITLES[a], fmt(r.peakRssMiB[a] ?? null, 0)]),
    ),
  );
  out.push('');

  out.push('## How the arms differ');
  out.push('');
  out.push(ARM_NOTES);
  if (r.notes.length) {
    out.push('');
    out.push('## Notes');
    out.push('');
    for (const n of r.notes) out.push(`- ${n}`);
  }
  out.push('');
  return out.join('\n');
}

const ARM_NOTES = `- **A floor**: one hand-written Cypher statement per question (bench/arms/floor-cypher.ts) that
  reads only what B's operation selects and returns B's answer shape as one value; one auto-commit read
  through neo4j-driver behind a bare \`node:http\` handler that writes that value out.
- **B togys**: the real app (\`createApp\` from src/server/app.ts) with NODE_ENV=production and
  LOG_LEVEL=warn; its driver is wrapped only to count Cypher round trips.
- **C peer**: @neo4j/graphql (bench/arms/peer-typedefs.graphql) on Apollo Server 5 + fastify 5 (hosted as togys is).
  Differences from B's schema, forced by the library: no Relay connection on the list (\`meetings(where,
  sort, limit)\`, a person's page of meetings as \`meetings(sort, limit)\`), relationship qualifiers are
  not read (participants are plain \`Person\` lists), the
  full-text query takes the Lucene string B builds (\`searchEntities(phrase:)\` has no analyzer of its
  own for Kazakh endings), and the shortest path is a \`@cypher\` field with the hop bound fixed at 4.
- **D naive**: Apollo Server 5 + fastify 5 with plain resolvers: every relationship field runs its own
  Cypher for its parent object (no DataLoader), so nested selections cost one round trip per parent.
- Search in A, C and D runs the Lucene queries built by togys's own builder (src/graph/search.ts): the
  main pass, and the fallback instead when it finds fewer than \`first\` (A and D choose as B does; C asks
  both and the one B's rule picks is compared), so every arm asks the index the same thing; hits tied at
  the cut-off score are compared as a count.
- Shortest paths follow the fact relationships only (as B's default) and need not be unique: arms agree
  when the length and both ends agree.`;

/**
 * Writes `<date>[-quick].md` and `.json` into `outDir`; returns the paths. Both go through
 * prettier with the repo's settings, so `npm run lint` (prettier --check) accepts them.
 */
export async function writeReport(r: BenchResults, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, `${r.startedAt.slice(0, 10)}${r.quick ? '-quick' : ''}`);
  for (const [file, text] of [
    [`${base}.json`, JSON.stringify(r, null, 2)],
    [`${base}.md`, renderMarkdown(r)],
  ] as const) {
    const options = (await prettier.resolveConfig(file)) ?? {};
    writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
  }
  return [`${base}.md`, `${base}.json`];
}
