/** The driver's log lines during an outage, shortened and rate-limited; the statements kept to re-plan. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { driverLogForwarder } from '../../../src/graph/driver.js';
import { RecentStatements } from '../../../src/graph/executor.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, sink) };
}

describe('driverLogForwarder', () => {
  it('writes one shortened line per level a minute, then says how many it left out', () => {
    const { lines, logger } = capture();
    let now = 0;
    const forward = driverLogForwarder(logger, () => now);
    const long = `Connection refused: ${'x'.repeat(2_000)}\n    at a stack frame\n    at another`;
    for (let i = 0; i < 50; i++) forward('warn', long);
    forward('error', 'a driver error');
    now = 60_000;
    forward('warn', 'later');
    expect(lines.map((l) => [l.level, l.neo4j, l.similarLinesSkipped])).toEqual([
      [40, long.split('\n')[0]!.slice(0, 200), undefined],
      [50, 'a driver error', undefined],
      [40, 'later', 49],
    ]);
  });
});

describe('RecentStatements', () => {
  it('keeps the last distinct statements by text, the latest use last', () => {
    const recent = new RecentStatements(2);
    const q = (cypher: string) => ({ cypher, params: {} });
    recent.remember(q('A'));
    recent.remember(q('B'));
    recent.remember(q('A'));
    recent.remember(q('C'));
    expect(recent.list().map((s) => s.cypher)).toEqual(['A', 'C']);
  });
});
