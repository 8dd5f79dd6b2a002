/**
 * Reads the whole graph the real seeder wrote, as typed rows: the "same data" the seeding
 * baselines (one row per transaction, LOAD CSV) write again.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { ID_UNIQUE_LABELS } from '../../src/graph/schema.js';

export type PropType = 'string' | 'int' | 'float' | 'bool' | 'date' | 'datetime' | 'strings';
/** A property value as the driver returned it (neo4j Integer, Date, DateTime, …). */
export type PropValue = unknown;

export interface NodeRow {
  labels: string[];
  /** The label whose uniqueness constraint finds this node by id. */
  keyLabel: string;
  id: string;
  props: Record<string, PropValue>;
}

export interface RelRow {
  type: string;
  startKeyLabel: string;
  startId: string;
  endKeyLabel: string;
  endId: string;
  props: Record<string, PropValue>;
}

export interface GraphDump {
  nodes: NodeRow[];
  rels: RelRow[];
}

const KEY_LABELS: readonly string[] = ID_UNIQUE_LABELS.filter((l) => l !== 'Entity');

function keyLabel(labels: readonly string[]): string {
  const key =
    labels.find((l) => KEY_LABELS.includes(l)) ??
    (labels.includes('Entity') ? 'Entity' : undefined);
  if (!key) throw new Error(`node with labels ${labels.join(':')} has no id-unique label`);
  return key;
}

export function propType(value: PropValue): PropType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'float';
  if (neo4j.isInt(value)) return 'int';
  if (neo4j.isDate(value)) return 'date';
  if (neo4j.isDateTime(value)) return 'datetime';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return 'strings';
  throw new Error(`unsupported property value in the dump: ${JSON.stringify(value)}`);
}

/** Dumps every node and relationship (needs an `id` on every node, as the graph model says). */
export async function dumpGraph(driver: Driver, database: string): Promise<GraphDump> {
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const nodeResult = await session.run(
      'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props',
    );
    for (const r of nodeResult.records) {
      const labels = (r.get('labels') as string[]).slice().sort();
      const props = r.get('props') as Record<string, PropValue>;
      const { id, ...rest } = props;
      nodes.push({ labels, keyLabel: keyLabel(labels), id: String(id), props: rest });
    }
    const relResult = await session.run(
      `MATCH (a)-[r]->(b)
       RETURN type(r) AS type, labels(a) AS al, a.id AS aid, labels(b) AS bl, b.id AS bid, properties(r) AS props`,
    );
    for (const r of relResult.records) {
      rels.push({
        type: r.get('type') as string,
        startKeyLabel: keyLabel(r.get('al') as string[]),
        startId: String(r.get('aid')),
        endKeyLabel: keyLabel(r.get('bl') as string[]),
        endId: String(r.get('bid')),
        props: r.get('props') as Record<string, PropValue>,
      });
    }
  } finally {
    await session.close();
  }
  return { nodes, rels };
}

/** Parallel fact relationships differ by the article stating them and its local fact id. */
function relKey(r: RelRow): string {
  return `${r.type}|${r.startId}|${r.endId}|${String(r.props.articleId ?? '')}|${String(r.props.factId ?? '')}`;
}

/** The rows of `next` that `previous` did not have: what a growing corpus added. */
export function dumpIncrement(previous: GraphDump | undefined, next: GraphDump): GraphDump {
  if (!previous) return next;
  const nodeIds = new Set(previous.nodes.map((n) => `${n.keyLabel}|${n.id}`));
  const relKeys = new Set(previous.rels.map(relKey));
  return {
    nodes: next.nodes.filter((n) => !nodeIds.has(`${n.keyLabel}|${n.id}`)),
    rels: next.rels.filter((r) => !relKeys.has(relKey(r))),
  };
}
