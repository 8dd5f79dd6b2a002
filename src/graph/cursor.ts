/**
 * Keyset cursors: opaque base64url of the sort field, the sort key and the id of an edge's node.
 * A page after a cursor is "nodes whose (key, id) sort after the cursor's", so inserting nodes
 * before it never shifts it (unlike an offset). A key is one value (a list's sort expression) or
 * several (a relation's sort properties, compared in order).
 */

export type SortValue = string | number;
export type SortKey = SortValue | SortValue[];

export interface Cursor {
  /** The sort field the cursor was made for (a cursor of another order is rejected). */
  field: string;
  key: SortKey;
  id: string;
}

/**
 * Which part of an ordered list a page is: `size` items from the start of what lies between
 * `after` and `before` (forward, `first`), or from its end (`backward`, `last`). A backward page
 * is read in the reversed order and flipped back, so both directions read only their own rows.
 */
export interface PageWindow {
  size: number;
  backward: boolean;
  after: Cursor | null;
  before: Cursor | null;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.field, cursor.key, cursor.id]), 'utf8').toString(
    'base64url',
  );
}

/** Thrown for a cursor this API did not make; the resolver turns it into BAD_USER_INPUT. */
export class MalformedCursorError extends Error {
  override name = 'MalformedCursorError';
}

const isSortValue = (v: unknown): v is SortValue =>
  typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

const isSortKey = (v: unknown): v is SortKey =>
  isSortValue(v) || (Array.isArray(v) && v.length > 0 && v.every(isSortValue));

export function decodeCursor(text: string): Cursor {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new MalformedCursorError('is not a cursor this API returned');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    !isSortKey(parsed[1]) ||
    typeof parsed[2] !== 'string'
  ) {
    throw new MalformedCursorError('is not a cursor this API returned');
  }
  return { field: parsed[0], key: parsed[1], id: parsed[2] };
}

/**
 * A condition: the tuple of `exprs` sorts strictly after (`>`) or before (`<`) the tuple of the
 * parameters `params` (same length), compared element by element as ORDER BY compares them.
 */
export function keysetCondition(
  exprs: readonly string[],
  params: readonly string[],
  op: '>' | '<',
): string {
  const [expr, ...restExprs] = exprs;
  const [param, ...restParams] = params;
  if (expr === undefined || param === undefined) throw new Error('keyset of no expression');
  if (restExprs.length === 0) return `${expr} ${op} ${param}`;
  return `(${expr} ${op} ${param} OR (${expr} = ${param} AND ${keysetCondition(restExprs, restParams, op)}))`;
}
