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
