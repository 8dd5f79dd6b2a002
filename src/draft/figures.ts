/**
 * Numeric facts, dates and periods, by patterns over Kazakh and Russian text:
 * - amounts with currency and scale (`$24,2 млрд` → 24200000000 USD, `1,5 трлн теңге`);
 * - percentages (`5%-ға артты`: +5%), fractions in words (`үштен бірге`: 1/3), durations
 *   (`30 жыл`), counts (`12 құжат`);
 * - the period a figure is for, when its sentence names one before it (`2021 жылдың
 *   қорытындысы бойынша`, `2022 жылдың бірінші жартыжылдығында`, `в первом полугодии 2022
 *   года`), and its direction from the verb of its clause (`өсіп`, `артты`, `снизился`);
 * - calendar dates and ranges (`2023 жылғы 30 наурызда`, `12–13 қыркүйекте`, `30 марта`).
 */
import type {
  Direction,
  DraftDate,
  DraftFigure,
  DraftSentence,
  Excerpt,
  FigureUnit,
  Period,
} from './model.js';

const NUMBER = String.raw`\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const SCALES: ReadonlyArray<[RegExp, number]> = [
  [/^(?:трлн|триллион)/u, 1e12],
  [/^(?:млрд|миллиард)/u, 1e9],
  [/^(?:млн|миллион)/u, 1e6],
  [/^(?:мың|тыс)/u, 1e3],
];
const SCALE = String.raw`(?:трлн|триллион\p{L}*|млрд|миллиард\p{L}*|млн|миллион\p{L}*|мың|тыс\.|тысяч\p{L}*)`;
const CURRENCIES: ReadonlyArray<[RegExp, string]> = [
  [/^(?:\$|доллар|долл|USD)/iu, 'USD'],
  [/^(?:€|евро|EUR)/iu, 'EUR'],
  [/^(?:₸|теңге|тенге|тг|KZT)/iu, 'KZT'],
  [/^(?:₽|рубл|руб|RUB)/iu, 'RUB'],
  [/^(?:сом|KGS)/iu, 'KGS'],
  [/^(?:юан|CNY)/iu, 'CNY'],
];
const CURRENCY_WORD = String.raw`(?:АҚШ\s+)?(?:доллар\p{L}*|долл\.|евро|теңге\p{L}*|тенге|рубл\p{L}*|руб\.|сом\p{L}*|юан\p{L}*|USD|EUR|KZT|RUB)`;

const MONTHS_KK = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];
const MONTHS_RU = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма[йя]',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const MONTH = `(?:${[...MONTHS_KK, ...MONTHS_RU].join('|')})\\p{L}*`;

const FRACTIONS: Record<string, number> = {
  екіден: 2,
  үштен: 3,
  төрттен: 4,
  бестен: 5,
  оннан: 10,
};
const FRACTION_NUMERATORS: Record<string, number> = { бір: 1, екі: 2, үш: 3, төрт: 4 };
const FRACTIONS_RU: Record<string, number> = { треть: 1 / 3, четверть: 1 / 4, половин: 1 / 2 };

const INCREASE =
  /^(?:өс(?:іп|ті|кен|уде|еді|ім)|арт(?:ты|ып|қан|уда|ады)|ұлғай\p{L}*|көбей\p{L}*|жоғарыла\p{L}*|вырос\p{L}*|увеличи\p{L}*|прирост\p{L}*|рост\p{L}*|повыси\p{L}*)$/u;
const DECREASE =
  /^(?:төменде\p{L}*|азай\p{L}*|қысқар\p{L}*|кеми\p{L}*|құлдыра\p{L}*|снизи\p{L}*|сократи\p{L}*|уменьши\p{L}*|упа[лв]\p{L}*|падени\p{L}*|спад\p{L}*)$/u;
const RECORD = /рекорд/u;
/** A dative right after the figure: it is the size of a change (`5%-ға`, `2 млрд-қа`). */
const DATIVE_AFTER = /^-?(?:ға|ге|қа|ке|на|не)(?!\p{L})/u;

const toNumber = (s: string) => Number(s.replace(/[\u00a0\u202f ]/g, '').replace(',', '.'));
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthIndex = (word: string): number => {
  const lower = word.toLowerCase();
  const kk = MONTHS_KK.findIndex((m) => lower.startsWith(m));
  if (kk >= 0) return kk + 1;
  const ru = MONTHS_RU.findIndex((m) => new RegExp(`^${m}`, 'u').test(lower));
  return ru + 1;
};

function at(text: string, offset: number, m: RegExpExecArray, group = 0): Excerpt {
  const value = m[group] ?? '';
  const start = offset + m.index + (group === 0 ? 0 : m[0].indexOf(value));
  return { start, end: start + value.length, text: value };
}

// ---- periods ----

const ORDINAL_HALF: Record<string, 1 | 2> = {
  бірінші: 1,
  екінші: 2,
  первом: 1,
  втором: 2,
};
const ORDINAL_QUARTER: Record<string, 1 | 2 | 3 | 4> = {
  бірінші: 1,
  екінші: 2,
  үшінші: 3,
  төртінші: 4,
  первом: 1,
  втором: 2,
  третьем: 3,
  четвертом: 4,
};

const PERIOD_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => Omit<Period, 'excerpt'>]> = [
  [
    /(\d{4}) жылдың (бірінші|екінші) жартыжылдығында|в (первом|втором) полугодии (\d{4}) года/giu,
    (m) => {
      const year = Number(m[1] ?? m[4]);
      const half = ORDINAL_HALF[m[2] ?? m[3] ?? ''] ?? 1;
      return half === 1
        ? { start: `${year}-01-01`, end: `${year}-06-30`, label: `H1 ${year}` }
        : { start: `${year}-07-01`, end: `${year}-12-31`, label: `H2 ${year}` };
    },
  ],
  [
    /(\d{4}) жылдың (бірінші|екінші|үшінші|төртінші) тоқсанында|в (первом|втором|третьем|четвертом) квартале (\d{4}) года/giu,
    (m) => {
      const year = Number(m[1] ?? m[4]);
      const q = ORDINAL_QUARTER[m[2] ?? m[3] ?? ''] ?? 1;
      const endMonth = q * 3;
      return {
        start: `${year}-${pad(endMonth - 2)}-01`,
        end: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}`,
        label: `Q${q} ${year}`,
      };
    },
  ],
  [
    new RegExp(
      `(\\d{4}) жылдың (${MONTH})[-–](${MONTH}) айлар\\p{L}*|за (${MONTH})[-–](${MONTH}) (\\d{4}) года`,
      'gu',
    ),
    (m) => {
      const year = Number(m[1] ?? m[6]);
      const from = monthIndex(m[2] ?? m[4] ?? '');
      const to = monthIndex(m[3] ?? m[5] ?? '');
      return {
        start: `${year}-${pad(from)}-01`,
        end: `${year}-${pad(to)}-${pad(lastDay(year, to))}`,
        label: `${year}-${pad(from)}/${year}-${pad(to)}`,
      };
    },
  ],
  [
    /(\d{4}) жылдың қорытындысы бойынша|(\d{4}) жыл(?:ы|ғы|да)(?!\s+\d)|по итогам (\d{4}) года|за (\d{4}) год(?!\p{L})|в (\d{4}) году/giu,
    (m) => {
      const year = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
      return { start: `${year}-01-01`, end: `${year}-12-31`, label: year };
    },
  ],
];

export function findPeriods(sentence: DraftSentence): Period[] {
  const out: Period[] = [];
  for (const [re, make] of PERIOD_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
      const excerpt = at(sentence.text, sentence.start, m);
      if (out.some((p) => p.excerpt.start < excerpt.end && excerpt.start < p.excerpt.end)) continue;
      out.push({ ...make(m), excerpt });
    }
  }
  return out.sort((a, b) => a.excerpt.start - b.excerpt.start);
}

// ---- dates ----

const DATE_PATTERNS: ReadonlyArray<RegExp> = [
  // 2023 жылғы 30 наурызда, 2023 жылғы 12–13 қыркүйекте
  new RegExp(`(\\d{4}) жылғы (\\d{1,2})(?:[-–](\\d{1,2}))? (${MONTH})`, 'gu'),
  // 30 наурызда, 12–13 қыркүйекте, 30 марта 2023 года
  new RegExp(`(?<![\\d\\p{L}])()(\\d{1,2})(?:[-–](\\d{1,2}))? (${MONTH})(?: (\\d{4}))?`, 'gu'),
];

export function findDates(sentence: DraftSentence, defaultYear?: number): DraftDate[] {
  const out: DraftDate[] = [];
  for (const re of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
      const excerpt = at(sentence.text, sentence.start, m);
      if (out.some((d) => d.excerpt.start < excerpt.end && excerpt.start < d.excerpt.end)) continue;
      const year = Number(m[1] || m[5] || defaultYear);
      const month = monthIndex(m[4] ?? '');
      const day = Number(m[2]);
      const endDay = m[3] ? Number(m[3]) : day;
      if (!year || month < 1 || day < 1 || day > 31 || endDay < day || endDay > 31) continue;
      out.push({
        start: `${year}-${pad(month)}-${pad(day)}`,
        end: `${year}-${pad(month)}-${pad(endDay)}`,
        excerpt,
      });
    }
  }
  return out;
}

// ---- figures ----

interface RawFigure {
  value: number;
  unit: FigureUnit;
  currency?: string;
  surface: Excerpt;
}

function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  return SCALES.find(([re]) => re.test(word.toLowerCase()))?.[1] ?? 1;
}
function currencyOf(word: string): string | undefined {
  return CURRENCIES.find(([re]) => re.test(word.replace(/^АҚШ\s+/u, '')))?.[1];
}

const FIGURE_PATTERNS: ReadonlyArray<
  [RegExp, (m: RegExpExecArray) => Omit<RawFigure, 'surface'> | null]
> = [
  [
    new RegExp(`([$€₸₽])\\s?(${NUMBER})(?:\\s?(${SCALE}))?`, 'gu'),
    (m) => ({
      value: Math.round(toNumber(m[2]!) * scaleOf(m[3])),
      unit: 'CURRENCY',
      currency: currencyOf(m[1]!) ?? 'USD',
    }),
  ],
  [
    new RegExp(`(?<![\\d.,])(${NUMBER})(?:\\s?(${SCALE}))?\\s?(${CURRENCY_WORD})`, 'gu'),
    (m) => {
      const currency = currencyOf(m[3]!);
      return currency
        ? { value: Math.round(toNumber(m[1]!) * scaleOf(m[2])), unit: 'CURRENCY', currency }
        : null;
    },
  ],
  [
    new RegExp(`(?<![\\d.,])(${NUMBER})\\s?(?:%|пайыз|процент\\p{L}*)`, 'gu'),
    (m) => ({ value: toNumber(m[1]!), unit: 'PERCENT' }),
  ],
  [
    /(?<!\p{L})(екіден|үштен|төрттен|бестен|оннан) (бір|екі|үш|төрт)\p{L}*/gu,
    (m) => ({
      value: (FRACTION_NUMERATORS[m[2]!] ?? 1) / (FRACTIONS[m[1]!] ?? 1),
      unit: 'FRACTION',
    }),
  ],
  [
    /(?<!\p{L})на (треть|четверть|половин\p{L}*)/gu,
    (m) => ({
      value: FRACTIONS_RU[m[1]!.slice(0, 8).replace(/у$|ы$/u, '')] ?? 1 / 3,
      unit: 'FRACTION',
    }),
  ],
  [
    /(?<![\d.,])(\d{1,3}) (?:жыл(?=[\s,.])|лет(?=[\s,.])|год[а]?(?=[\s,.]))/gu,
    (m) => ({ value: Number(m[1]), unit: 'YEARS' }),
  ],
  [
    /(?<![\d.,:\p{L}-])(\d{1,6}) (?=\p{Ll})(?!жыл|лет|год|сағат|час|млрд|млн|трлн|мың|тыс|пайыз|процент)(\p{Ll}+)/gu,
    (m) =>
      Number(m[1]) >= 1900 && Number(m[1]) <= 2100 ? null : { value: Number(m[1]), unit: 'COUNT' },
  ],
];

function rawFigures(sentence: DraftSentence, taken: readonly Excerpt[]): RawFigure[] {
  const out: RawFigure[] = [];
  const overlaps = (e: Excerpt) =>
    [...taken, ...out.map((f) => f.surface)].some((t) => t.start < e.end && e.start < t.end);
  for (const [re, make] of FIGURE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
      const surface = at(sentence.text, sentence.start, m);
      if (overlaps(surface)) continue;
      const made = make(m);
      if (made) out.push({ ...made, surface: trimSurface(surface, made.unit) });
    }
  }
  return out.sort((a, b) => a.surface.start - b.surface.start);
}

/** A percentage's surface is the number and its sign (`5%`), as annotators write it. */
function trimSurface(surface: Excerpt, unit: FigureUnit): Excerpt {
  if (unit !== 'PERCENT') return surface;
  const percent = surface.text.indexOf('%');
  if (percent < 0) return surface;
  return {
    start: surface.start,
    end: surface.start + percent + 1,
    text: surface.text.slice(0, percent + 1),
  };
}

const wordsIn = (text: string) => text.match(/[\p{L}-]+/gu) ?? [];
function directionIn(text: string): Direction {
  for (const word of wordsIn(text.toLowerCase())) {
    if (INCREASE.test(word)) return 'INCREASE';
    if (DECREASE.test(word)) return 'DECREASE';
  }
  return 'NONE';
}

/** The end of the clause a figure is in: its direction verb, or the next comma/period. */
function clauseEnd(sentence: DraftSentence, from: number, limit: number): number {
  const rest = sentence.text.slice(from - sentence.start, limit - sentence.start);
  let offset = 0;
  for (const m of rest.matchAll(/[\p{L}-]+|[,.;!?»]/gu)) {
    if (/^[,.;!?»]$/u.test(m[0])) return from + m.index;
    offset = m.index + m[0].length;
    if (INCREASE.test(m[0].toLowerCase()) || DECREASE.test(m[0].toLowerCase()))
      return from + offset;
  }
  return from + offset;
}

export function findFigures(
  text: string,
  sentences: readonly DraftSentence[],
  dates: readonly DraftDate[],
): DraftFigure[] {
  const figures: DraftFigure[] = [];
  for (const sentence of sentences) {
    const periods = findPeriods(sentence);
    const taken = [
      ...dates
        .filter((d) => d.excerpt.start >= sentence.start && d.excerpt.end <= sentence.end)
        .map((d) => d.excerpt),
      ...periods.map((p) => p.excerpt),
    ];
    const raw = rawFigures(sentence, taken);
    const sentenceDirection = directionIn(sentence.text);
    raw.forEach((f, i) => {
      const next = raw[i + 1]?.surface.start ?? sentence.end;
      const previous = raw[i - 1]?.surface.end ?? sentence.start;
      const period =
        [...periods].reverse().find((p) => p.excerpt.end <= f.surface.start) ?? periods[0];
      const end = clauseEnd(sentence, f.surface.end, next);
      const clause = text.slice(f.surface.end, end);
      const own = directionIn(clause);
      const dative = DATIVE_AFTER.test(text.slice(f.surface.end, f.surface.end + 4));
      const ruBy = /\bна\s$/u.test(text.slice(Math.max(0, f.surface.start - 3), f.surface.start));
      let change: Direction = 'NONE';
      let isChange = false;
      if (f.unit === 'PERCENT' || f.unit === 'FRACTION') {
        change = own !== 'NONE' ? own : directionIn(text.slice(previous, f.surface.start));
        isChange = change !== 'NONE';
      } else if (f.unit === 'CURRENCY' || f.unit === 'COUNT') {
        isChange = own !== 'NONE' && (dative || ruBy);
        change = isChange ? own : sentenceDirection;
      }
      const qualifiers = RECORD.test(text.slice(f.surface.end, next)) ? ['record'] : [];
      // From the period it is for (`2021 жылдың қорытындысы бойынша … $24,2 млрд`), else
      // from the previous figure or the start of the sentence.
      const start =
        period && period.excerpt.end <= f.surface.start ? period.excerpt.start : previous;
      const evidence = clean(text, start, end);
      figures.push({
        value: f.value,
        unit: f.unit,
        ...(f.currency ? { currency: f.currency } : {}),
        ...(period && f.unit !== 'YEARS' ? { period } : {}),
        change,
        isChange,
        qualifiers,
        surface: f.surface,
        evidence,
      });
    });
  }
  return figures;
}

function clean(text: string, start: number, end: number): Excerpt {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:«»—–]/u.test(text[s]!)) s++;
  while (e > s && /[\s,;:«—–]/u.test(text[e - 1]!)) e--;
  return { start: s, end: e, text: text.slice(s, e) };
}
