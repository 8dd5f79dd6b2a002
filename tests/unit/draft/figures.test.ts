import { describe, expect, it } from 'vitest';
import { findDates, findFigures, findPeriods } from '../../../src/draft/figures.js';
import { draftSentences } from '../../../src/draft/sentences.js';

const figures = (text: string) => findFigures(text, draftSentences(text), []);

describe('findFigures', () => {
  it('reads an amount with currency and scale, its period, direction and qualifier', () => {
    const text =
      '2021 жылдың қорытындысы бойынша өзара тауар айналымы үштен бірге өсіп, $24,2 млрд көлемінде рекордтық көрсеткішке қол жеткіздік.';
    const [fraction, amount] = figures(text);
    expect(fraction).toMatchObject({
      value: 1 / 3,
      unit: 'FRACTION',
      change: 'INCREASE',
      isChange: true,
      surface: { text: 'үштен бірге' },
      period: { start: '2021-01-01', end: '2021-12-31', label: '2021' },
    });
    expect(amount).toMatchObject({
      value: 24_200_000_000,
      unit: 'CURRENCY',
      currency: 'USD',
      change: 'INCREASE',
      isChange: false,
      qualifiers: ['record'],
      surface: { text: '$24,2 млрд' },
      period: { label: '2021' },
    });
    expect(amount!.evidence.text).toBe(text.slice(0, -1));
  });

  it('reads a percentage change after a half-year period; "жартыжылдығында" is no fraction', () => {
    const [percent, ...rest] = figures('2022 жылдың бірінші жартыжылдығында да сауда 5%-ға артты.');
    expect(rest).toEqual([]);
    expect(percent).toMatchObject({
      value: 5,
      unit: 'PERCENT',
      surface: { text: '5%' },
      change: 'INCREASE',
      isChange: true,
      period: { start: '2022-01-01', end: '2022-06-30', label: 'H1 2022' },
      evidence: { text: '2022 жылдың бірінші жартыжылдығында да сауда 5%-ға артты' },
    });
  });

  it('reads a duration, and no year as a figure', () => {
    const [years, ...rest] = figures(
      'Үкімет басшысы өткен 30 жыл ішінде диалог орнатылғанын атап өтті.',
    );
    expect(rest).toEqual([]);
    expect(years).toMatchObject({ value: 30, unit: 'YEARS', change: 'NONE', isChange: false });
    expect(years!.period).toBeUndefined();
  });

  it('reads Russian: a decrease in percent in a half-year, an amount in words of a currency', () => {
    const [percent, amount] = figures(
      'В первом полугодии 2023 года товарооборот снизился на 7,5%, до 1,2 млрд долларов.',
    );
    expect(percent).toMatchObject({
      value: 7.5,
      unit: 'PERCENT',
      change: 'DECREASE',
      isChange: true,
    });
    expect(percent!.period?.label).toBe('H1 2023');
    expect(amount).toMatchObject({ value: 1_200_000_000, unit: 'CURRENCY', currency: 'USD' });
  });

  it('a decrease in Kazakh, and a count', () => {
    const [percent, count] = figures('Экспорт 3 пайызға төмендеді, 12 құжатқа қол қойылды.');
    expect(percent).toMatchObject({ value: 3, unit: 'PERCENT', change: 'DECREASE' });
    expect(count).toMatchObject({ value: 12, unit: 'COUNT' });
  });
});

describe('findPeriods and findDates', () => {
  it('a quarter and a span of months', () => {
    const [s] = draftSentences(
      '2023 жылдың үшінші тоқсанында және 2023 жылдың қаңтар-маусым айларында өсті.',
    );
    expect(findPeriods(s!).map((p) => [p.start, p.end, p.label])).toEqual([
      ['2023-07-01', '2023-09-30', 'Q3 2023'],
      ['2023-01-01', '2023-06-30', '2023-01/2023-06'],
    ]);
  });

  it('dates and ranges, with the year of publication when the text gives none', () => {
    const [s] = draftSentences(
      'Сапар 2023 жылғы 30 наурызда басталды, форум 12–13 қыркүйекте өтеді.',
    );
    expect(findDates(s!, 2023).map((d) => [d.start, d.end, d.excerpt.text])).toEqual([
      ['2023-03-30', '2023-03-30', '2023 жылғы 30 наурызда'],
      ['2023-09-12', '2023-09-13', '12–13 қыркүйекте'],
    ]);
    const [ru] = draftSentences('Указ подписан 11 января 2022 года.');
    expect(findDates(ru!).map((d) => d.start)).toEqual(['2022-01-11']);
  });
});
