/** Annotation files the unit tests read (no database: helpers/seed.ts needs vitest's inject). */
import path from 'node:path';
import { DEFAULT_SEEDS_DIR } from '../../../src/seed/index.js';

export const FIRST_ARTICLE_YAML_PATH = path.join(
  DEFAULT_SEEDS_DIR,
  'article-2022-08-25-smailov-mishustin.yaml',
);
export const SECOND_ARTICLE_YAML_PATH = path.resolve(
  import.meta.dirname,
  '../../fixtures/seed/second-article/fixture-smailov-investors.yaml',
);
