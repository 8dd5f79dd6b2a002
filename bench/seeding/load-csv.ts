/**
 * Baseline (b): the dumped rows exported as CSV into the Neo4j import directory and written with
 * `LOAD CSV ... CALL { } IN TRANSACTIONS`: one file per label set / (type, end labels), nodes
 * first, then relationships matched by id through the uniqueness constraints.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { FACT_RELATIONSHIP_TYPES, ID_UNIQUE_LABELS } from '../../src/graph/schema.js';
import {
  propType,
  type GraphDump,
  type NodeRow,
  type PropType,
  type PropValue,
  type RelRow,
} from './dump.js';

const LABELS: readonly string[] = ID_UNIQUE_LABELS;
const REL_TYPES: readonly string[] = [
  ...FACT_RELATIONSHIP_TYPES,
  'HAS_SENTENCE',
  'MENTIONS',
  'EVIDENCED_BY',
  'SOURCED_FROM',
];
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Separates list items inside one CSV field; EMPTY_LIST marks a list with no items. */
const LIST_SEPARATOR = '\u001f';
const EMPTY_LIST = '\u001e';
const BATCH_ROWS = 5000;

function checkLabel(label: string): string {
  if (!LABELS.includes(label)) throw new Error(`label ${label} is not in the graph model's list`);
  return label;
}
function checkRelType(type: string): string {
  if (!REL_TYPES.includes(type))
    throw new Error(`relationship type ${type} is not in the graph model's list`);
  return type;
}
function checkProperty(name: string): string {
  if (!PROPERTY_NAME.test(name))
    throw new Error(`property name ${JSON.stringify(name)} cannot be exported`);
  return name;
}

function csvField(value: PropValue): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (Array.isArray(value)) text = value.length === 0 ? EMPTY_LIST : value.join(LIST_SEPARATOR);
  else text = String(value); // Integer, Date and DateTime print as Cypher parses them back.
  return `"${text.replace(/"/g, '""')}"`;
}

function conversion(type: PropType, field: string): string {
  switch (type) {
    case 'string':
      return field;
    case 'int':
      return `toInteger(${field})`;
    case 'float':
      return `toFloat(${field})`;
    case 'bool':
      return `(${field} = 'true')`;
    case 'date':
      return `date(${field})`;
    case 'datetime':
      return `datetime(${field})`;
    case 'strings':
      return `CASE ${field} WHEN '${EMPTY_LIST}' THEN [] ELSE split(${field}, '${LIST_SEPARATOR}') END`;
  }
}

/** Property names and their types over a group of rows (a float anywhere makes the column float). */
function columns(rows: { props: Record<string, PropValue> }[]): Map<string, PropType> {
  const cols = new Map<string, PropType>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row.props)) {
      if (value === null || value === undefined) continue;
      const type = propType(value);
      const known = cols.get(checkProperty(name));
      cols.set(
        name,
        known === 'float' || (known === 'int' && type === 'float') ? 'float' : (known ?? type),
      );
    }
  }
  return cols;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const g = groups.get(k);
    if (g) g.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export interface CsvStatement {
  file: string;
  rows: number;
  cypher: string;
}

/** Writes the CSV files under `<importDir>/<folder>/` and returns the LOAD CSV statements. */
export function exportCsv(dump: GraphDump, importDir: string, folder: string): CsvStatement[] {
  const dir = path.join(importDir, folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const statements: CsvStatement[] = [];

  for (const [labelSet, rows] of groupBy(dump.nodes, (n: NodeRow) => n.labels.join(':'))) {
    const labels = labelSet.split(':').map(checkLabel);
    const cols = columns(rows);
    const names = [...cols.keys()];
    const file = `${folder}/nodes-${labels.join('-')}.csv`;
    const lines = [['id', ...names].map((h) => `"${h}"`).join(',')];
    for (const n of rows)
      lines.push([csvField(n.id), ...names.map((c) => csvField(n.props[c]))].join(','));
    writeFileSync(path.join(importDir, file), lines.join('\n') + '\n');
    const sets = [
      'n.id = row.id',
      ...names.map((c) => `n.\`${c}\` = ${conversion(cols.get(c)!, `row.\`${c}\``)}`),
    ];
    statements.push({
      file,
      rows: rows.length,
      cypher:
        `LOAD CSV WITH HEADERS FROM 'file:///${file}' AS row\n` +
        `CALL (row) { CREATE (n:${labels.join(':')}) SET ${sets.join(', ')} } IN TRANSACTIONS OF ${BATCH_ROWS} ROWS`,
    });
  }

  const relGroups = groupBy(
    dump.rels,
    (r: RelRow) => `${r.type}|${r.startKeyLabel}|${r.endKeyLabel}`,
  );
  for (const [key, rows] of relGroups) {
    const [type, from, to] = key.split('|') as [string, string, string];
    const cols = columns(rows);
    const names = [...cols.keys()];
    const file = `${folder}/rels-${type}-${from}-${to}.csv`;
    const lines = [['start', 'end', ...names].map((h) => `"${h}"`).join(',')];
    for (const r of rows) {
      lines.push(
        [csvField(r.startId), csvField(r.endId), ...names.map((c) => csvField(r.props[c]))].join(
          ',',
        ),
      );
    }
    writeFileSync(path.join(importDir, file), lines.join('\n') + '\n');
    const sets = names.map((c) => `r.\`${c}\` = ${conversion(cols.get(c)!, `row.\`${c}\``)}`);
    statements.push({
      file,
      rows: rows.length,
      cypher:
        `LOAD CSV WITH HEADERS FROM 'file:///${file}' AS row\n` +
        `CALL (row) { MATCH (a:${checkLabel(from)} {id: row.start}) MATCH (b:${checkLabel(to)} {id: row.end}) ` +
        `CREATE (a)-[r:${checkRelType(type)}]->(b)${sets.length ? ` SET ${sets.join(', ')}` : ''} } ` +
        `IN TRANSACTIONS OF ${BATCH_ROWS} ROWS`,
    });
  }
  return statements;
}

/** Runs the statements (nodes first: they were emitted first) and returns the elements written. */
export async function runLoadCsv(
  driver: Driver,
  database: string,
  statements: CsvStatement[],
  log: (line: string) => void = () => {},
): Promise<number> {
  let written = 0;
  const session = driver.session({ database });
  try {
    for (const s of statements) {
      const t = performance.now();
      // CALL { } IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run.
      const result = await session.run(s.cypher);
      const c = result.summary.counters.updates();
      written += c.nodesCreated + c.relationshipsCreated;
      log(`LOAD CSV ${s.file}: ${s.rows} rows in ${Math.round(performance.now() - t)} ms`);
    }
  } finally {
    await session.close();
  }
  return written;
}
