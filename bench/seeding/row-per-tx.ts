/**
 * Baseline (a): the same rows written one per transaction (a driver `executeWrite` each), the
 * way a naive importer works. Measured on a stride sample of the dump written into the full
 * graph (so indexes have their real size) as copies that are deleted afterwards, then
 * extrapolated per element: time = nodes × (time per node) + relationships × (time per rel).
 */
import type { Driver } from 'neo4j-driver';
import { FACT_RELATIONSHIP_TYPES, ID_UNIQUE_LABELS } from '../../src/graph/schema.js';
import type { GraphDump } from './dump.js';

const LABELS: readonly string[] = ID_UNIQUE_LABELS;
const REL_TYPES: readonly string[] = [
  ...FACT_RELATIONSHIP_TYPES,
  'HAS_SENTENCE',
  'MENTIONS',
  'EVIDENCED_BY',
  'SOURCED_FROM',
];
const COPY_SUFFIX = '#row-per-tx';

export interface RowPerTxResult {
  sampledNodes: number;
  sampledRels: number;
  msPerNode: number;
  msPerRel: number;
  /** Extrapolated time for the whole dump. */
  estimatedMs: number;
}

function stride<T>(rows: T[], max: number): T[] {
  if (rows.length <= max) return rows;
  const step = rows.length / max;
  return Array.from({ length: max }, (_, i) => rows[Math.floor(i * step)]!);
}

export async function measureRowPerTx(
  driver: Driver,
  database: string,
  dump: GraphDump,
  sample: { nodes: number; rels: number },
): Promise<RowPerTxResult> {
  const nodes = stride(dump.nodes, sample.nodes);
  const rels = stride(dump.rels, sample.rels);
  const created: string[] = [];
  const createdRels: string[] = [];
  const session = driver.session({ database });
  try {
    const t0 = performance.now();
    for (const n of nodes) {
      const labels = n.labels.filter((l) => LABELS.includes(l));
      const r = await session.executeWrite((tx) =>
        tx.run(
          `CREATE (n:${labels.join(':')}) SET n = $props, n.id = $id RETURN elementId(n) AS e`,
          {
            props: n.props,
            id: n.id + COPY_SUFFIX,
          },
        ),
      );
      created.push(r.records[0]!.get('e') as string);
    }
    const t1 = performance.now();
    for (const rel of rels) {
      if (
        !REL_TYPES.includes(rel.type) ||
        !LABELS.includes(rel.startKeyLabel) ||
        !LABELS.includes(rel.endKeyLabel)
      ) {
        throw new Error(
          `unexpected relationship in the dump: ${rel.type} ${rel.startKeyLabel} ${rel.endKeyLabel}`,
        );
      }
      const r = await session.executeWrite((tx) =>
        tx.run(
          `MATCH (a:${rel.startKeyLabel} {id: $start}) MATCH (b:${rel.endKeyLabel} {id: $end})
           CREATE (a)-[r:${rel.type}]->(b) SET r = $props RETURN elementId(r) AS e`,
          { start: rel.startId, end: rel.endId, props: rel.props },
        ),
      );
      const e = r.records[0]?.get('e') as string | undefined;
      if (!e)
        throw new Error(
          `row per transaction: endpoints of ${rel.type} ${rel.startId} → ${rel.endId} not found`,
        );
      createdRels.push(e);
    }
    const t2 = performance.now();
    // Remove the copies (untimed).
    await session.run('UNWIND $ids AS e MATCH ()-[r]->() WHERE elementId(r) = e DELETE r', {
      ids: createdRels,
    });
    await session.run('UNWIND $ids AS e MATCH (n) WHERE elementId(n) = e DETACH DELETE n', {
      ids: created,
    });
    const msPerNode = nodes.length ? (t1 - t0) / nodes.length : 0;
    const msPerRel = rels.length ? (t2 - t1) / rels.length : 0;
    return {
      sampledNodes: nodes.length,
      sampledRels: rels.length,
      msPerNode,
      msPerRel,
      estimatedMs: msPerNode * dump.nodes.length + msPerRel * dump.rels.length,
    };
  } finally {
    await session.close();
  }
}
