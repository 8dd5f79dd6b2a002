/** `npm run seed` as a user runs it: a child process, its exit code and its output. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearGraph, createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import { copyAnnotation, FIRST_ARTICLE_YAML, indexOfId } from '../helpers/seed.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

async function runSeed(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { uri, username, password, database } = testNeo4j();
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ['src/seed/cli.ts', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        NEO4J_URI: uri,
        NEO4J_USERNAME: username,
        NEO4J_PASSWORD: password,
        NEO4J_DATABASE: database,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let driver: Driver;

beforeAll(async () => {
  driver = createTestDriver();
  await clearGraph(driver);
});

afterAll(async () => {
  await driver.close();
});

const articles = async () =>
  (
    await driver.executeQuery(
      'MATCH (a:Article) RETURN a.id AS id',
      {},
      { database: testNeo4j().database },
    )
  ).records.map((r) => r.get('id') as string);

describe('npm run seed', () => {
  it('--dry-run validates, prints what it would write, exits 0 and writes nothing', async () => {
    const { code, stdout } = await runSeed(['--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain('article/2022-08-25-smailov-mishustin');
    expect(stdout).toMatch(/Quote: 4/);
    expect(stdout).toContain('dry run: nothing was written');
    expect(await articles()).toEqual([]);
  });

  it('invalid input: exit 1, each problem as file:line:column path: message, nothing written', async () => {
    const bad = copyAnnotation(FIRST_ARTICLE_YAML, {
      doc: (doc) =>
        doc.setIn(
          ['facts', indexOfId(doc, 'facts', 'cholpon-ata-in-kyrgyzstan'), 'to'],
          'country/xx',
        ),
    });
    const { code, stderr } = await runSeed([bad]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(
        `${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ facts\\[\\d+\\]\\.to: unknown reference "country/xx"`,
      ),
    );
    expect(stderr).toContain('nothing was written');
    expect(await articles()).toEqual([]);
  });

  it('bad arguments: exit 2 with the usage', async () => {
    const { code, stderr } = await runSeed(['--no-such-option']);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: npm run seed');
  });

  it('seeds the corpus (exit 0), and a second run skips it', async () => {
    const first = await runSeed([]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /article\/2022-08-25-smailov-mishustin: created; created \d+ nodes/,
    );
    expect(await articles()).toEqual(['article/2022-08-25-smailov-mishustin']);
    const second = await runSeed([]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('unchanged');
    expect(second.stdout).toContain('1 skipped');
  });
});
