/**
 * The entity registry (src/seed/registry.ts): each entity declared once; a conflicting
 * declaration is a located error, an unused entry a warning; articles refer to it by id.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SeedIssue } from '../../../src/seed/errors.js';
import { planCorpus, type SeedValidationError } from '../../../src/seed/index.js';
import { loadRegistry, registryDirsFor } from '../../../src/seed/registry.js';
import { copyAnnotation, FIRST_ARTICLE_YAML, SEEDS_REGISTRY_DIR } from '../../helpers/seed.js';

const KG = `  - id: country/kg
    kind: Country
    names: { kk: Қырғызстан, ru: Киргизия, en: Kyrgyzstan }
    iso3166Alpha2: KG
    iso3166Alpha3: KGZ
`;

function registryDir(files: Record<string, string>): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'togys-registry-')), 'entities');
  mkdirSync(dir);
  for (const [name, body] of Object.entries(files))
    writeFileSync(path.join(dir, name), `entities:\n${body}`);
  return dir;
}

function issuesOf(run: () => unknown): readonly SeedIssue[] {
  try {
    run();
  } catch (err) {
    return (err as SeedValidationError).issues;
  }
  return [];
}

describe('the entity registry', () => {
  it('reads every entity of its files, each with where it is declared', () => {
    const dir = registryDir({ 'a.yaml': KG });
    const registry = loadRegistry([dir]);
    expect(registry.issues).toEqual([]);
    expect(registry.entities.get('country/kg')?.entity.names.en).toBe('Kyrgyzstan');
    expect(registry.entities.get('country/kg')?.at).toBe(`${path.join(dir, 'a.yaml')}:2:9`);
  });

  it('accepts one entity declared identically twice, refuses it declared differently (located)', () => {
    const same = loadRegistry([registryDir({ 'a.yaml': KG, 'b.yaml': KG })]);
    expect(same.issues).toEqual([]);
    const dir = registryDir({ 'a.yaml': KG, 'b.yaml': KG.replace('Kyrgyzstan', 'Kirghizia') });
    expect(loadRegistry([dir]).issues).toEqual([
      {
        file: path.join(dir, 'b.yaml'),
        path: 'entities[0].id',
        line: 2,
        column: 9,
        message: `conflicting declaration of "country/kg": also declared, differently, at ${path.join(dir, 'a.yaml')}:2:9`,
      },
    ]);
  });

  it('refuses evidence keys in a registry entry (it has no text) and bad shapes, located', () => {
    const dir = registryDir({
      'a.yaml': `  - id: meeting/x
    kind: Meeting
    meetingType: BILATERAL
    names: { kk: a, ru: b, en: c }
    dateEvidence: [somewhere]
  - id: country/xx
    kind: Country
    names: { kk: a, ru: b }
    iso3166Alpha2: XX
    iso3166Alpha3: XXX
`,
    });
    const issues = loadRegistry([dir]).issues.map((i) => [i.path, i.line, i.message]);
    expect(issues).toEqual([
      ['entities[1].names.en', 9, expect.stringContaining('expected string')],
    ]);
    const evidence = registryDir({
      'a.yaml': `  - id: meeting/x
    kind: Meeting
    meetingType: BILATERAL
    names: { kk: a, ru: b, en: c }
    dateEvidence: [somewhere]
`,
    });
    expect(loadRegistry([evidence]).issues.map((i) => [i.path, i.line, i.message])).toEqual([
      [
        'entities[0].dateEvidence',
        6,
        "dateEvidence belongs in an article's own declaration: a registry entry has no text to point into",
      ],
    ]);
  });

  it('is found next to an annotation or above it, and inside a folder seeded', () => {
    const copy = copyAnnotation(FIRST_ARTICLE_YAML);
    const real = path.resolve(SEEDS_REGISTRY_DIR);
    expect(registryDirsFor([copy], [copy])).toEqual([real]);
    expect(registryDirsFor([path.dirname(copy)], [copy])).toEqual([real]);
  });

  it('warns of entries no article of a corpus run uses; a run of one file does not', () => {
    const copy = copyAnnotation(FIRST_ARTICLE_YAML);
    const warnings: SeedIssue[] = [];
    planCorpus([path.dirname(copy)], { onWarning: (w) => warnings.push(w) });
    const unused = warnings.map((w) => w.message);
    // The first article alone uses neither Iran nor Astana.
    expect(unused).toContain('registry entry "country/ir" is used by no article of this run');
    expect(unused).toContain('registry entry "place/astana" is used by no article of this run');
    expect(unused).not.toContain('registry entry "country/kz" is used by no article of this run');
    const astana = warnings.find((w) => w.message.includes('"place/astana"'));
    expect(astana?.file).toBe(path.join(path.resolve(SEEDS_REGISTRY_DIR), 'places.yaml'));
    expect(astana?.line).toBeGreaterThan(0);
    const single: SeedIssue[] = [];
    planCorpus([copy], { onWarning: (w) => single.push(w) });
    expect(single).toEqual([]);
  });

  it('an article refers to registered entities by id: their properties come from the registry', () => {
    const [plan] = planCorpus([copyAnnotation(FIRST_ARTICLE_YAML)]);
    const kz = plan?.entities.find((e) => e.id === 'country/kz');
    expect(kz?.props.nameEn).toBe('Kazakhstan');
    expect(kz?.props.iso3166Alpha3).toBe('KAZ');
  });

  it('an unregistered id under uses:, or a form the text lacks, is a located error', () => {
    const copy = copyAnnotation(FIRST_ARTICLE_YAML, {
      text: (s) =>
        s.replace(
          '\nentities:\n',
          '\nuses:\n  - country/xx\n  - { id: country/kz, forms: [Қазақстанға] }\n\nentities:\n',
        ),
    });
    const issues = issuesOf(() => planCorpus([copy]));
    const source = readFileSync(copy, 'utf8').split('\n');
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [
        'uses[0]',
        '"country/xx" is not in the entity registry (entities/): register it there, or declare it under entities: if only this article knows it',
      ],
      ['uses[1].forms[0]', 'form not found verbatim in the text: "Қазақстанға"'],
    ]);
    expect(issues[0]?.line).toBe(source.indexOf('  - country/xx') + 1);
  });
});
