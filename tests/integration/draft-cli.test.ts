/**
 * `npm run draft` as a user runs it: a child process on real files in a temporary folder, its
 * exit code, stdout/stderr and what it wrote (only --out, never anything else), and the
 * seeder's --dry-run on the draft it wrote.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const SEEDS = path.join(ROOT, 'seeds');
const FIRST_TEXT = 'article-2022-08-25-smailov-mishustin.kk.txt';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(script: string, args: string[], cwd: string): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [path.join(ROOT, script), ...args], {
      cwd,
      timeout: 20_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string; killed?: boolean };
    if (e.killed) throw new Error('the draft tool hung');
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const draft = (args: string[], cwd: string) => run('src/draft/cli.ts', args, cwd);

/** Every file under a folder, relative paths: what a run left behind. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'togys-draft-'));
  // A corpus folder as a user has it: a registry of the shared entities, and a new text.
  mkdirSync(path.join(dir, 'corpus', 'entities'), { recursive: true });
  for (const f of readdirSync(path.join(SEEDS, 'entities')))
    copyFileSync(path.join(SEEDS, 'entities', f), path.join(dir, 'corpus', 'entities', f));
  copyFileSync(path.join(SEEDS, FIRST_TEXT), path.join(dir, 'corpus', FIRST_TEXT));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run draft', () => {
  it('writes the draft to --out only, prints a summary, and the seeder reports its todos', async () => {
    const before = files(dir);
    const out = path.join('corpus', 'article-2022-08-25-smailov-mishustin.yaml');
    const result = await draft([path.join('corpus', FIRST_TEXT), '--out', out], dir);
    expect(result.stderr).toMatch(/quotes: 4 \(4 with a speaker\)/u);
    expect(result.stderr).toMatch(/draft: \d+ items to complete/u);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(files(dir)).toEqual([...before, out].sort());
    const yaml = readFileSync(path.join(dir, out), 'utf8');
    expect(yaml).toContain(`textFile: ${FIRST_TEXT}`);
    expect(yaml).toContain('publishedAt: 2022-08-25T23:33:00+06:00');
    expect(yaml).toContain('speaker: person/alikhan-smailov');

    const seed = await run('src/seed/cli.ts', ['--dry-run', out], dir);
    // Every problem the validator has with the draft is a todo to complete.
    const problems = seed.stderr.split('\n').filter((l) => l.includes(': '));
    expect(problems.length).toBeGreaterThan(0);
    for (const line of problems) expect(line).toMatch(/todo|draft: \d+ items to complete/u);
    expect(seed.stderr).toMatch(/draft: \d+ items to complete/u);
    expect(seed.code).toBe(1);
  });

  it('drafts a Russian text the seeder accepts as far as it goes (forms found by inflection listed)', async () => {
    // A test text, not news: registered people in Russian case forms, a new place.
    const text = [
      '7 ноября 2022 года',
      '',
      'Алихан Смаилов и Михаил Мишустин встретились в Бишкеке (Киргизия).',
      '',
      'Премьер-министр Республики Казахстан Алихан Смаилов и Михаил Мишустин встретились в Бишкеке (Киргизия). Смаилова и Мишустина сопровождали министры.',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'corpus', 'test.ru.txt'), text);
    const out = path.join('corpus', 'test.ru.yaml');
    const result = await draft([path.join('corpus', 'test.ru.txt'), '--out', out], dir);
    expect(result.code).toBe(0);
    const yaml = readFileSync(path.join(dir, out), 'utf8');
    expect(yaml).toContain('Смаилова');
    const seed = await run('src/seed/cli.ts', ['--dry-run', out], dir);
    const problems = seed.stderr.split('\n').filter((l) => l.includes(': '));
    for (const line of problems) expect(line).toMatch(/todo|draft: \d+ items to complete/u);
    expect(seed.code).toBe(1);
  });

  it('does not overwrite --out without --force', async () => {
    const out = path.join(dir, 'existing.yaml');
    writeFileSync(out, 'mine\n');
    const result = await draft([path.join('corpus', FIRST_TEXT), '--out', out], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('exists; not overwritten (--force to overwrite it)');
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
  });

  it('prints the draft when --out is not given, and writes nothing', async () => {
    const before = files(dir);
    const result = await draft([path.join('corpus', FIRST_TEXT)], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('article:\n  slug: 2022-08-25-smailov-mishustin');
    expect(files(dir)).toEqual(before);
  });

  const bad: Array<[string, string | Buffer, RegExp]> = [
    ['empty.kk.txt', '', /empty\.kk\.txt: is empty/u],
    ['blank.kk.txt', ' \n\n\t\n', /is empty/u],
    [
      'binary.kk.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe]),
      /is a binary file/u,
    ],
    [
      'latin1.kk.txt',
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61, 0x62]),
      /is not UTF-8 text/u,
    ],
    [
      'english.txt',
      'The Prime Minister met his counterpart. They discussed trade.',
      /not Kazakh or Russian text: most of its letters are Latin/u,
    ],
    [
      'chinese.txt',
      '哈萨克斯坦总理会见了俄罗斯总理。双方讨论了贸易。',
      /most of its letters are Han/u,
    ],
    ['numbers.kk.txt', '25 там, 2022\n12 345 678\n— — —\nИә.', /has no sentences/u],
    [
      'huge.kk.txt',
      'Қазақстан Ресей сауда. '.repeat((5 * 1024 * 1024) / 40),
      /is 5\.\d MB; the draft tool takes one article of up to 256 kB/u,
    ],
  ];
  for (const [name, content, message] of bad) {
    it(`refuses ${name} with a clear message and exit code 1, writing nothing`, async () => {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      const out = path.join(dir, `${name}.yaml`);
      const before = files(dir);
      const result = await draft([file, '--out', out], dir);
      expect(result.stderr).toMatch(message);
      expect(result.code).toBe(1);
      expect(files(dir)).toEqual(before);
    });
  }

  it('refuses bad arguments with exit code 2', async () => {
    expect((await draft([], dir)).stderr).toContain('no article given');
    expect((await draft(['x.txt', '--language', 'de'], dir)).code).toBe(2);
    expect((await draft(['x.txt', '--published', 'yesterday'], dir)).stderr).toContain(
      '--published must be',
    );
    expect(
      (await draft([FIRST_TEXT, '--out', path.join(dir, 'no', 'such', 'folder.yaml')], dir)).stderr,
    ).toMatch(/the folder .* does not exist/u);
    const missing = await draft([path.join(dir, 'missing.kk.txt')], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.kk\.txt: cannot read it \(ENOENT\)/u);
  });
});
