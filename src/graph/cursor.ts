/**
 * Keyset cursors: opaque base64url of the sort field, the sort key and the id of an edge's node.
 * A page after a cursor is "nodes whose (key, id) sort after the cursor's", so inserting nodes
 * before it never shifts it (unlike an offset).
 */

export type SortKey = string | number;

export interface Cursor {
  /** The sort field the cursor was made for (a cursor of another order is rejected). */
  field: string;
  key: SortKey;
  id: string;
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
    (typeof parsed[1] !== 'string' && typeof parsed[1] !== 'number') ||
    typeof parsed[2] !== 'string'
  ) {
    throw new MalformedCursorError('is not a cursor this API returned');
  }
  return { field: parsed[0], key: parsed[1], id: parsed[2] };
}
