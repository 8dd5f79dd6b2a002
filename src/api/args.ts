/**
 * Argument checks beyond what the schema's types enforce. Each failure is a BAD_USER_INPUT error
 * naming the argument, the rule and the value given.
 */
import {
  decodeCursor,
  MalformedCursorError,
  type Cursor,
  type PageWindow,
} from '../graph/cursor.js';
import { BadUserInputError } from './errors.js';

/** A page size: 0 (an empty page) to `max`. */
export function pageSize(
  argument: string,
  value: number | null | undefined,
  fallback: number,
  max: number,
): number {
  const size = value ?? fallback;
  if (!Number.isInteger(size) || size < 0) {
    throw new BadUserInputError(argument, `must be a non-negative integer, got ${size}`);
  }
  if (size > max) {
    throw new BadUserInputError(
      argument,
      `must be at most ${max} (the maximum page size), got ${size}`,
    );
  }
  return size;
}

/** A whole number within [min, max]. */
export function intInRange(
  argument: string,
  value: number | null | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new BadUserInputError(argument, `must be an integer from ${min} to ${max}, got ${n}`);
  }
  return n;
}

/** The page size of a connection asked for with neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 20;

/** A connection's page arguments, as Relay's Cursor Connections spec names them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * The page a connection's arguments ask for: `first` items after `after` (and before `before`,
 * if given), or the `last` items before `before` (and after `after`). `first` with `last` is
 * refused, naming `last`: the spec's meaning for both (the last items of the first ones) is
 * never what a client paging through a list wants. `field` is the sort the cursors must be of.
 */
export function pageWindow(
  args: PageArgs,
  field: string,
  max: number,
  fallback: number = DEFAULT_PAGE_SIZE,
): PageWindow {
  const hasFirst = args.first !== null && args.first !== undefined;
  const hasLast = args.last !== null && args.last !== undefined;
  if (hasFirst && hasLast) {
    throw new BadUserInputError(
      'last',
      'cannot be combined with `first`: page forward with `first`/`after`, or backward with `last`/`before`',
    );
  }
  const backward = hasLast;
  const size = backward
    ? pageSize('last', args.last, fallback, max)
    : pageSize('first', args.first, fallback, max);
  return {
    size,
    backward,
    after: afterCursor('after', args.after, field),
    before: afterCursor('before', args.before, field),
  };
}

/** Decodes a cursor argument (`after`, `before`) made for `field` (the sort it was made under). */
function afterCursor(
  argument: string,
  value: string | null | undefined,
  field: string,
): Cursor | null {
  if (value === null || value === undefined) return null;
  let cursor: Cursor;
  try {
    cursor = decodeCursor(value);
  } catch (error) {
    if (error instanceof MalformedCursorError) {
      throw new BadUserInputError(
        argument,
        `is malformed: "${value.slice(0, 60)}" ${error.message}`,
      );
    }
    throw error;
  }
  if (cursor.field !== field) {
    throw new BadUserInputError(
      argument,
      `was made for another sort order (${cursor.field}, not ${field}); restart from the first page`,
    );
  }
  return cursor;
}

/** A non-empty string of at most `max` characters. */
export function text(argument: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new BadUserInputError(argument, 'must not be empty');
  if (trimmed.length > max) {
    throw new BadUserInputError(
      argument,
      `must be at most ${max} characters, got ${trimmed.length}`,
    );
  }
  return trimmed;
}
