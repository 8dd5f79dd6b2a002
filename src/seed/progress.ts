/**
 * What a seed run reports as it goes, and the lines `npm start` and `npm run seed` print for
 * it. On a terminal every step gets its line; elsewhere (a log collector, CI) only the end of
 * each phase does, so a log holds one line per phase.
 */
import type { SchemaProgress } from '../graph/schema.js';

export type SeedProgress =
  | ({ step: 'schema' } & SchemaProgress)
  /** `written` of the `total` articles to write are committed; `skipped` were unchanged. */
  | { step: 'articles'; written: number; total: number; skipped: number };

/** Does this report close its phase (the one line a non-terminal log gets for it)? */
function endsPhase(progress: SeedProgress): boolean {
  return progress.step === 'schema' ? progress.online : progress.written === progress.total;
}

/**
 * The line for a report. The articles phase has no closing line of its own: the caller's
 * summary of what was seeded closes it (null when the report is that phase's end).
 */
function progressLine(progress: SeedProgress): string | null {
  if (progress.step === 'schema') {
    const { inPlace, total, created, just, online } = progress;
    if (online) return `constraints and indexes: ${total} of ${total} online (${created} created)`;
    if (just !== null) return `constraints and indexes: ${inPlace} of ${total} (created ${just})`;
    return inPlace === total
      ? `constraints and indexes: all ${total} in place`
      : `constraints and indexes: ${inPlace} of ${total} in place, creating ${total - inPlace}…`;
  }
  const { written, total, skipped } = progress;
  if (written === total) return null;
  return written === 0
    ? `seeding: ${total} article(s) to write, ${skipped} unchanged…`
    : `seeding: ${written} of ${total} article(s) written…`;
}

/** The lines to print for a report: every step on a terminal, else only phase ends. */
export function linesFor(progress: SeedProgress, interactive: boolean): string[] {
  if (!interactive && !endsPhase(progress)) return [];
  const line = progressLine(progress);
  return line === null ? [] : [line];
}
