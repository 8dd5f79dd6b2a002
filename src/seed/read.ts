/**
 * Reading seed files that may come from people we do not fully trust. A file must be UTF-8
 * (Node's 'utf8' decoding would turn a bad byte into U+FFFD and store it), without NUL
 * characters; an article's text file must lie inside its annotation's folder tree, so that
 * no other file the seeder can read (`/proc/self/environ`, `../../.env`) becomes article text.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Why a file was refused; line and column (1-based, code points) when the problem is inside it. */
export interface ReadProblem {
  line?: number;
  column?: number;
  message: string;
}

type ReadResult = { ok: true; text: string } | ({ ok: false } & ReadProblem);

// ignoreBOM keeps a byte order mark in the text, as readFileSync(…, 'utf8') did: the stored
// offsets of existing articles count it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a file as strict UTF-8 without NUL characters. */
export function readUtf8File(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { ok: false, message: `cannot read: ${describeFsError(err)}` };
  }
  return decodeUtf8(bytes);
}

/** Decodes strict UTF-8; the first invalid byte or NUL character is reported with its place. */
export function decodeUtf8(bytes: Uint8Array): ReadResult {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = utf8.decode(bytes.subarray(0, offset));
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      ...lineAndColumn(before, before.length),
      message: `not valid UTF-8: byte 0x${byte} at byte offset ${offset} (save the file as UTF-8)`,
    };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    return {
      ok: false,
      ...lineAndColumn(text, nul),
      message: 'contains a NUL character (U+0000); a seed file is text',
    };
  }
  return { ok: true, text };
}

/** Byte offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const follow = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
    if (lead < 0xc2 || lead > 0xf4) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= follow; k += 1) {
      const b = bytes[i + k];
      if (b === undefined || b < (k === 1 ? low : 0x80) || b > (k === 1 ? high : 0xbf)) return i;
    }
    i += follow + 1;
  }
  return bytes.length;
}

/** 1-based line and column (in code points) of a UTF-16 index. */
function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < lineStart; i = text.indexOf('\n', i + 1))
    line += 1;
  return { line, column: Array.from(text.slice(lineStart, index)).length + 1 };
}

type ConfinedPath = { ok: true; path: string } | { ok: false; message: string };

/**
 * The file `textFile` names, relative to the annotation's folder, if it is a regular file
 * inside that folder's tree once every link is followed.
 */
export function confinedTextFile(annotationFile: string, textFile: string): ConfinedPath {
  const refuse = (why: string): ConfinedPath => ({
    ok: false,
    message: `${JSON.stringify(textFile)} ${why}; a text file must be inside the annotation's folder (${path.dirname(annotationFile)}) or below it`,
  });
  if (path.isAbsolute(textFile) || path.win32.isAbsolute(textFile))
    return refuse('is an absolute path');
  const folder = path.resolve(path.dirname(annotationFile));
  const target = path.resolve(folder, textFile);
  if (!isInside(folder, target)) return refuse('leads out of the folder');
  let real: string;
  try {
    real = realpathSync(target);
  } catch (err) {
    return {
      ok: false,
      message: `the text file ${target} cannot be read: ${describeFsError(err)}`,
    };
  }
  if (!isInside(realpathSync(folder), real))
    return refuse(`is a link to ${real}, outside the folder`);
  // A FIFO or a device would block the read or never end.
  if (!statSync(real).isFile()) return refuse('is not a regular file');
  return { ok: true, path: target };
}

function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'too many levels of links';
  return err instanceof Error ? err.message : String(err);
}
