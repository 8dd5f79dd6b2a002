/** The driver's log lines during an outage, shortened and rate-limited; the statements kept to re-plan. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { driverLogForwarder } from '../../../src/graph/driver.js';
import { RecentStatements } from '../../../src/graph/replan.js';

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
  it('keeps the last distinct statements by text, the latest used first', () => {
    const recent = new RecentStatements(2);
    const q = (cypher: string) => ({ cypher, params: {} });
    recent.remember(q('A'));
    recent.remember(q('B'));
    recent.remember(q('A'));
    recent.remember(q('C'));
    expect(recent.list().map((s) => s.cypher)).toEqual(['C', 'A']);
  });
});

describe('RecentStatements.once: after a restart, one run of a text plans it', () => {
  /** A run that records when it starts and settles when the test says. */
  function controlled(events: string[], name: string) {
    let settle: (ok: boolean) => void = () => undefined;
    const run = () => {
      events.push(`${name} starts`);
      return new Promise<string>((resolve, reject) => {
        settle = (ok) => (ok ? resolve(name) : reject(new Error(name)));
      });
    };
    return { run, settle: (ok: boolean) => settle(ok) };
  }
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('runs at once when Neo4j did not restart', async () => {
    const recent = new RecentStatements();
    const events: string[] = [];
    const a = controlled(events, 'a');
    const b = controlled(events, 'b');
    const runs = [recent.once('X', 1_000, a.run), recent.once('X', 1_000, b.run)];
    await tick();
    expect(events).toEqual(['a starts', 'b starts']);
    a.settle(true);
    b.settle(true);
    await Promise.all(runs);
  });

  it('while replanning, the same text waits for its first run; other texts do not', async () => {
    const recent = new RecentStatements();
    const token = recent.restarted();
    const events: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => controlled(events, n));
    const ra = recent.once('X', 1_000, a!.run);
    const rb = recent.once('X', 1_000, b!.run);
    const rc = recent.once('Y', 1_000, c!.run);
    await tick();
    expect(events).toEqual(['a starts', 'c starts']);
    a!.settle(true);
    await expect(ra).resolves.toBe('a');
    await tick();
    expect(events).toEqual(['a starts', 'c starts', 'b starts']);
    b!.settle(true);
    c!.settle(true);
    await Promise.all([rb, rc]);
    recent.replanned(token);
    expect(recent.isReplanning).toBe(false);
  });

  it('a failed first run hands the first run to the next in line, one at a time', async () => {
    const recent = new RecentStatements();
    recent.restarted();
    const events: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => controlled(events, n));
    const ra = recent.once('X', 1_000, a!.run);
    const rb = recent.once('X', 1_000, b!.run);
    const rc = recent.once('X', 1_000, c!.run);
    await tick();
    a!.settle(false);
    await expect(ra).rejects.toThrow('a');
    await tick();
    expect(events).toEqual(['a starts', 'b starts']);
    b!.settle(true);
    await rb;
    await tick();
    expect(events).toEqual(['a starts', 'b starts', 'c starts']);
    c!.settle(true);
    await rc;
  });

  it('a waiter runs when its wait is up, whatever the first run does', async () => {
    const recent = new RecentStatements();
    recent.restarted();
    const events: string[] = [];
    const [a, b] = ['a', 'b'].map((n) => controlled(events, n));
    void recent.once('X', 1_000, a!.run).catch(() => undefined);
    const rb = recent.once('X', 20, b!.run);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(events).toEqual(['a starts', 'b starts']);
    b!.settle(true);
    await rb;
    a!.settle(true);
  });

  it('a replanning that an outage overtook does not end the next one', () => {
    const recent = new RecentStatements();
    const first = recent.restarted();
    recent.restarted();
    recent.replanned(first);
    expect(recent.isReplanning).toBe(true);
  });
});
