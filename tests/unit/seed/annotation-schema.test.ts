import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ANNOTATION_JSON_SCHEMA_FILE,
  annotationJsonSchemaText,
  REGISTRY_JSON_SCHEMA_FILE,
  registryJsonSchemaText,
} from '../../../src/seed/emit-json-schema.js';
import { DEFAULT_SEEDS_DIR } from '../../../src/seed/index.js';
import { SECOND_ARTICLE_YAML_PATH, FIRST_ARTICLE_YAML_PATH } from './paths.js';

describe('seeds/annotation.schema.json', () => {
  it('is up to date with the zod schema (run `npm run seed:schema` if this fails)', () => {
    // Compared as JSON, so formatting (prettier) does not matter.
    expect(JSON.parse(readFileSync(ANNOTATION_JSON_SCHEMA_FILE, 'utf8'))).toEqual(
      JSON.parse(annotationJsonSchemaText()),
    );
  });

  it('seeds/registry.schema.json is up to date and accepts every registry file', () => {
    expect(JSON.parse(readFileSync(REGISTRY_JSON_SCHEMA_FILE, 'utf8'))).toEqual(
      JSON.parse(registryJsonSchemaText()),
    );
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(registryJsonSchemaText()));
    const dir = path.join(DEFAULT_SEEDS_DIR, 'entities');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const data: unknown = parse(readFileSync(path.join(dir, file), 'utf8'));
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('accepts the corpus and the fixture, and rejects what the seeder rejects by shape', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(ANNOTATION_JSON_SCHEMA_FILE, 'utf8')));
    for (const file of [FIRST_ARTICLE_YAML_PATH, SECOND_ARTICLE_YAML_PATH]) {
      const data: unknown = parse(readFileSync(file, 'utf8'));
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    }
    const broken = parse(readFileSync(FIRST_ARTICLE_YAML_PATH, 'utf8')) as {
      quotes: Array<Record<string, unknown>>;
    };
    delete broken.quotes[0]?.translation;
    expect(validate(broken)).toBe(false);
  });
});
