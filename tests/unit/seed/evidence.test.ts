import { describe, expect, it } from 'vitest';
import { ArticleText } from '../../../src/seed/text.js';
import { locateExcerpt } from '../../../src/seed/verify.js';

const text = new ArticleText('😀 Смайылов келді. Смайылов кетті.');

describe('locateExcerpt', () => {
  it('finds a unique excerpt at its code point offsets', () => {
    expect(locateExcerpt(text, 'келді', 'fact "f"')).toEqual({
      span: { text: 'келді', start: 11, end: 16 },
    });
  });

  it('refuses an excerpt that is not in the text, naming the owner and the excerpt', () => {
    expect(locateExcerpt(text, 'Мишустин', 'fact "f"')).toEqual({
      error: 'fact "f": excerpt not found verbatim in the text: "Мишустин"',
    });
  });

  it('refuses an ambiguous excerpt unless an occurrence or offset says which', () => {
    expect(locateExcerpt(text, 'Смайылов', 'fact "f"')).toEqual({
      error:
        'fact "f": excerpt "Смайылов" occurs 2 times (at code points 2, 18); say which with occurrence: N or start: offset',
    });
    expect(locateExcerpt(text, { text: 'Смайылов', occurrence: 2 }, 'f')).toEqual({
      span: { text: 'Смайылов', start: 18, end: 26 },
    });
    expect(locateExcerpt(text, { text: 'Смайылов', start: 2 }, 'f')).toEqual({
      span: { text: 'Смайылов', start: 2, end: 10 },
    });
    expect(locateExcerpt(text, { text: 'Смайылов', occurrence: 3 }, 'f')).toEqual({
      error: 'f: occurrence 3 of "Смайылов" asked for, but it occurs 2 times',
    });
  });

  it('refuses an offset past the text, or one where the excerpt is not', () => {
    expect(locateExcerpt(text, { text: 'кетті', start: 40 }, 'f')).toEqual({
      error: 'f: offset 40 is past the end of the text (33 code points) for the excerpt "кетті"',
    });
    expect(locateExcerpt(text, { text: 'кетті', start: 30 }, 'f')).toMatchObject({
      error: expect.stringMatching(/past the end/),
    });
    expect(locateExcerpt(text, { text: 'кетті', start: 2 }, 'f')).toEqual({
      error: 'f: the text at offset 2 reads "Смайы", not the excerpt "кетті"',
    });
  });
});
