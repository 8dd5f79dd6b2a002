/** `npm run seed` as a user runs it: a child process, its exit code and its output. */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearGraph, createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import {
  copyAnnotation,
  FIRST_ARTICLE_YAML,
  indexOfId,
  SECOND_ARTICLE_YAML,
} from '../helpers/seed.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function seedEnv(): NodeJS.ProcessEnv {
  const { uri, username, password, database } = testNeo4j();
  return {
    ...process.env,
    NEO4J_URI: uri,
    NEO4J_USERNAME: username,
    NEO4J_PASSWORD: password,
    NEO4J_DATABASE: database,
  };
}

async function runSeed(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ['src/seed/cli.ts', ...args], {
      cwd: ROOT,
      env: seedEnv(),
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
    // Not a terminal: the constraints and indexes in one line, once they are online.
    expect(first.stdout.match(/^constraints and indexes: .*$/gm)).toEqual([
      expect.stringMatching(/^constraints and indexes: (\d+) of \1 online \(\d+ created\)$/),
    ]);
    // Every annotation of seeds/ is an article of the graph.
    const corpus = readdirSync(path.join(ROOT, 'seeds'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `article/${f.replace(/^article-/, '').replace(/\.yaml$/, '')}`)
      .sort();
    expect(corpus).toContain('article/2022-08-25-smailov-mishustin');
    expect((await articles()).sort()).toEqual(corpus);
    const second = await runSeed([]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('unchanged');
    expect(second.stdout).toContain(`${corpus.length} skipped`);
  });

  it('prints each batch before and after it commits: killed mid-run, the console names every article the graph holds', async () => {
    await clearGraph(driver);
    // 121 small articles: three transactions of new articles (at most 50 each).
    const dir = mkdtempSync(path.join(tmpdir(), 'togys-cli-batches-'));
    const base = copyAnnotation(SECOND_ARTICLE_YAML, {}, dir);
    const source = readFileSync(base, 'utf8');
    for (let i = 0; i < 120; i += 1) {
      const slug = `fixture-smailov-investors-${String(i).padStart(3, '0')}`;
      writeFileSync(
        path.join(dir, `${slug}.yaml`),
        // Each copy declares its own meeting: an id is declared by one article only.
        source
          .replace('slug: fixture-smailov-investors', `slug: ${slug}`)
          .replace(/meeting\/fixture-smailov-investors/g, `meeting/${slug}`),
      );
    }
    // The seeder's own process (no tsx launcher in between), killed as soon as one batch is in.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/seed/cli.ts', dir], {
      cwd: ROOT,
      env: seedEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdout.setEncoding('utf8');
    child.stderr.pipe(process.stderr);
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (/^committed \d+ new article/m.test(stdout)) child.kill('SIGKILL');
    });
    await exited;
    const written = stdout
      .split('\n')
      .filter((l) => l.startsWith('writing '))
      .flatMap((l) => l.slice(l.indexOf(': ') + 2).split(', '));
    const inGraph = await articles();
    // Killed after the first commit, before the last: some articles are in, not all.
    const firstBatch = Number(/^writing (\d+) new article/m.exec(stdout)?.[1]);
    expect(inGraph.length).toBeGreaterThanOrEqual(firstBatch);
    expect(inGraph.length).toBeLessThan(121);
    for (const id of inGraph) expect(written).toContain(id);
    // The batch's articles are listed, one line each, before its "committed" line.
    const firstCommit = stdout.slice(0, stdout.indexOf('committed '));
    expect(firstCommit.match(/: created; created \d+ nodes/g)).toHaveLength(firstBatch);
  }, 180_000);
});
