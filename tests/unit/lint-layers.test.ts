/**
 * The layers are enforced by lint (eslint.config.js): the fixtures in tests/fixtures/layers
 * break each rule once, and lint must name each break.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-root.js';

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/layers/src');

/** Lint's rule ids per fixture file (relative to the fixtures' src/). */
async function ruleIdsByFile(): Promise<Record<string, string[]>> {
  // ignore: false — the fixtures are ignored by `npm run lint`, as they break the rules.
  const eslint = new ESLint({ cwd: PROJECT_ROOT, ignore: false });
  const results = await eslint.lintFiles([FIXTURES]);
  return Object.fromEntries(
    results.map((r) => [
      path.relative(FIXTURES, r.filePath),
      r.messages.map((m) => m.ruleId ?? m.message),
    ]),
  );
}

describe('layer rules', () => {
  it('fail on graph/ or seed/ importing api/, and on an import cycle', async () => {
    const byFile = await ruleIdsByFile();
    expect(byFile).toEqual({
      'api/helper.ts': [],
      'api/cycle-a.ts': ['import-x/no-cycle'],
      'api/cycle-b.ts': ['import-x/no-cycle'],
      'graph/uses-api.ts': ['no-restricted-imports'],
      'seed/uses-api.ts': ['no-restricted-imports'],
    });
  }, 60_000);
});
