/** Captions written for Neo4j Browser's picture: short, whole words, English. */
import { describe, expect, it } from 'vitest';
import {
  CAPTION_MAX,
  figureCaption,
  nodeCaption,
  shortenCaption,
} from '../../../src/seed/caption.js';
import { planCorpus } from '../../../src/seed/index.js';

describe('shortenCaption', () => {
  it('keeps a short text and cuts a long one after a whole word, without a dangling "of"', () => {
    expect(shortenCaption('Energy')).toBe('Energy');
    expect(shortenCaption('Gasification of the northern and eastern regions of Kazakhstan')).toBe(
      'Gasification of the northern…',
    );
    expect(shortenCaption('Press service of the Government of Kazakhstan', 20)).toBe(
      'Press service…',
    );
  });
});

describe('figureCaption', () => {
  it('writes figures in English notation', () => {
    expect(figureCaption({ value: 24_200_000_000, unit: 'CURRENCY', currency: 'USD' })).toBe(
      '$24.2 bn',
    );
    expect(
      figureCaption({ value: 1 / 3, unit: 'FRACTION', isChange: true, change: 'INCREASE' }),
    ).toBe('+1/3');
    expect(figureCaption({ value: 5, unit: 'PERCENT' })).toBe('5%');
    expect(figureCaption({ value: 30, unit: 'YEARS' })).toBe('30 years');
  });
});

describe('nodeCaption', () => {
  it('prefers a short English alias to a long name', () => {
    expect(
      nodeCaption('Office', {
        nameEn: 'Chairman of the Government of the Russian Federation',
        aliases: ['Председатель Правительства', 'Prime Minister of Russia'],
      }),
    ).toBe('Prime Minister of Russia');
    expect(nodeCaption('Person', { nameEn: 'Alikhan Smailov', aliases: ['Smailov'] })).toBe(
      'Alikhan Smailov',
    );
  });
});

describe('the seeded corpus', () => {
  it('gives every node a caption of at most CAPTION_MAX characters; a meeting its participants', () => {
    const plans = planCorpus(['seeds']);
    const nodes = plans.flatMap((p) => [
      p.article,
      ...p.sentences.map((s) => s.props),
      ...p.entities.map((e) => e.props),
      ...p.factNodes.map((f) => f.props),
    ]);
    for (const props of nodes) {
      expect(typeof props.caption, String(props.id)).toBe('string');
      expect([...String(props.caption)].length, String(props.caption)).toBeLessThanOrEqual(
        CAPTION_MAX,
      );
    }
    const meeting = plans
      .flatMap((p) => p.entities)
      .find((e) => e.props.id === 'meeting/2022-08-25-smailov-mishustin')!;
    expect(meeting.props.caption).toBe('Smailov–Mishustin meeting');
  });
});
