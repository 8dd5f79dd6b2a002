/**
 * One record far larger than a Bolt chunk (at most 64 KiB) comes back from the real Neo4j exactly
 * as sent. The message spans many chunks, which the patched driver (patches/, README.md
 * "Patched dependencies") joins into one buffer before unpacking: strings — mostly two-byte
 * Kazakh Cyrillic, some four-byte emoji — that cross a chunk boundary must still decode right,
 * and integers (beyond 2^53 too), floats and nested maps must survive.
 */
import neo4j, { type Integer } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDriver, testNeo4j } from '../helpers/neo4j.js';

interface Row {
  i: Integer;
  id: string;
  text: string;
  score: number;
  tags: string[];
}

const PHRASES = [
  'Мишустинмен Қазақстан ұлттық',
  'Тоқаев Ресей Федерациясының Үкімет төрағасы',
  'Каспий құбыр консорциумы (КҚК) — мұнай',
  'Ақорда, Астана: «ынтымақтастық» 🇰🇿 📈',
  'ASCII only: pipeline-42 / CPC',
];
const COUNT = 1200;

const rows: Row[] = Array.from({ length: COUNT }, (_, i) => ({
  i: neo4j.int(i),
  id: `kz-${String(i).padStart(5, '0')}`,
  text: `${PHRASES[i % PHRASES.length]!} №${i} ${'ғқңөұүһі'.slice(0, i % 9)}`,
  score: (i % 7 === 0 ? -1 : 1) * (i / 3 + 0.1),
  tags: Array.from({ length: i % 4 }, (_, t) => `${PHRASES[(i + t) % PHRASES.length]!}#${t}`),
}));

// Built by Cypher from the parameters: one record, one list holding every row.
const QUERY = `
RETURN [row IN $rows | {
  id: row.id,
  n: row.i,
  big: row.i * 1000000007 + 9007199254740993,
  score: row.score,
  tiny: row.score * 1.0e-300,
  text: row.text,
  nested: {
    tags: row.tags,
    pair: [row.id, row.text],
    deeper: { label: row.text + ' · ' + row.id, flags: [row.i % 2 = 0, row.score > 0] }
  }
}] AS items`;

function expected() {
  return rows.map((row) => ({
    id: row.id,
    n: row.i,
    big: row.i.multiply(1000000007).add(neo4j.int('9007199254740993')),
    score: row.score,
    tiny: row.score * 1.0e-300,
    text: row.text,
    nested: {
      tags: row.tags,
      pair: [row.id, row.text],
      deeper: {
        label: `${row.text} · ${row.id}`,
        flags: [row.i.modulo(2).isZero(), row.score > 0],
      },
    },
  }));
}

describe('a record far larger than a Bolt chunk', () => {
  const driver = createTestDriver();
  afterAll(() => driver.close());

  it('is large: well over 400 KB as JSON, with 100,000+ multi-byte characters', () => {
    const json = JSON.stringify(expected(), (_k, v: unknown) =>
      neo4j.isInt(v) ? v.toString() : v,
    );
    expect(Buffer.byteLength(json, 'utf8')).toBeGreaterThan(400_000);
    expect(json.match(/[^\p{ASCII}]/gu)?.length).toBeGreaterThan(100_000);
  });

  it('comes back from Neo4j exactly as sent (twice on the same connection)', async () => {
    for (let run = 0; run < 2; run++) {
      const { records } = await driver.executeQuery(
        QUERY,
        { rows },
        { database: testNeo4j().database },
      );
      expect(records).toHaveLength(1);
      const items = records[0]!.get('items') as unknown[];
      expect(items).toHaveLength(COUNT);
      expect(items).toEqual(expected());
    }
  });
});
