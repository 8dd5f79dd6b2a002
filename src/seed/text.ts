/**
 * Code point offsets over a JS (UTF-16) string. The graph stores code point offsets
 * (docs/graph-model.md), while RegExp and indexOf work in UTF-16 units.
 */
export class ArticleText {
  readonly text: string;
  /** cpAt[u] = code point offset of UTF-16 index u (length: text.length + 1). */
  private readonly cpAt: Int32Array;
  /** unitAt[c] = UTF-16 index of code point offset c. */
  private readonly unitAt: Int32Array;

  constructor(text: string) {
    this.text = text;
    this.cpAt = new Int32Array(text.length + 1);
    const units: number[] = [];
    let cp = 0;
    for (let u = 0; u < text.length;) {
      const width = (text.codePointAt(u) ?? 0) > 0xffff ? 2 : 1;
      units.push(u);
      this.cpAt[u] = cp;
      if (width === 2) this.cpAt[u + 1] = cp;
      u += width;
      cp += 1;
    }
    this.cpAt[text.length] = cp;
    units.push(text.length);
    this.unitAt = Int32Array.from(units);
  }

  /** Length in code points. */
  get length(): number {
    return this.unitAt.length - 1;
  }

  toCodePoint(utf16Index: number): number {
    return this.cpAt[utf16Index] ?? this.length;
  }

  toUtf16(codePoint: number): number {
    return this.unitAt[codePoint] ?? this.text.length;
  }

  /** The text between two code point offsets, half-open. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }

  /** Code point offsets of every occurrence of `needle` (exact, case-sensitive). */
  occurrences(needle: string): number[] {
    const found: number[] = [];
    if (needle === '') return found;
    for (let u = this.text.indexOf(needle); u !== -1; u = this.text.indexOf(needle, u + 1)) {
      found.push(this.toCodePoint(u));
    }
    return found;
  }
}

/** Code point length of a string. */
export function codePointLength(s: string): number {
  return Array.from(s).length;
}

/** Where an excerpt that is not in the text comes nearest, and its first differing character. */
interface NearMatch {
  /** Code point offset in the text where the excerpt, aligned, would start. */
  start: number;
  /** Code point index in the excerpt of the first character that differs. */
  index: number;
  /** That character in the excerpt, and in the text (undefined: the text has none there). */
  inExcerpt: string;
  inText: string | undefined;
}

/**
 * The text's longest piece that starts (or ends) the excerpt places it; the first character
 * where the excerpt and the text at that place differ is the one to fix (an en dash for an
 * em dash, a Cyrillic letter for a Latin one). Undefined when less than about half of the
 * excerpt is found together anywhere: there is no near match to show.
 */
export function nearestMatch(text: ArticleText, excerpt: string): NearMatch | undefined {
  const chars = Array.from(excerpt);
  const m = chars.length;
  const longest = (piece: (k: number) => string): number => {
    // The whole excerpt is not in the text; find the largest k whose piece is, by bisection.
    let low = 0;
    let high = m - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (text.text.includes(piece(mid))) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const prefix = longest((k) => chars.slice(0, k).join(''));
  const suffix = longest((k) => chars.slice(m - k).join(''));
  if (Math.max(prefix, suffix) < Math.max(3, Math.floor((m - 1) / 2))) return undefined;
  const start =
    prefix >= suffix
      ? text.toCodePoint(text.text.indexOf(chars.slice(0, prefix).join('')))
      : text.toCodePoint(text.text.indexOf(chars.slice(m - suffix).join(''))) - (m - suffix);
  const aligned = Array.from(text.slice(Math.max(0, start), start + m));
  const offset = Math.max(0, -start);
  const inTextAt = (i: number) => (i < offset ? undefined : aligned[i - offset]);
  let index = 0;
  while (index < m && inTextAt(index) === chars[index]) index += 1;
  // Unreachable: the excerpt is not in the text, so some character differs.
  if (index === m) return undefined;
  return {
    start: Math.max(0, start),
    index,
    inExcerpt: chars[index] as string,
    inText: inTextAt(index),
  };
}

/** `"—" (U+2014)` */
function describeChar(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  return `${JSON.stringify(c)} (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** The end of a "not found verbatim" message: the nearest match and where it differs, if any. */
export function nearestMatchHint(text: ArticleText, excerpt: string): string {
  const near = nearestMatch(text, excerpt);
  if (near === undefined) return '';
  const at = near.start + near.index;
  const around = JSON.stringify(text.slice(Math.max(near.start, at - 30), at + 30));
  const found =
    near.inText === undefined
      ? 'the text has no character there'
      : `the text has ${describeChar(near.inText)}`;
  return (
    `; nearest match at code point ${near.start}: ${around}, which differs at character ` +
    `${near.index + 1} of the excerpt (code point ${at} of the text): ` +
    `${found} where the excerpt has ${describeChar(near.inExcerpt)}`
  );
}
