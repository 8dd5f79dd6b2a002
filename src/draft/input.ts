/**
 * What the draft tool accepts as an article: UTF-8 text, in Cyrillic (Kazakh or Russian), with
 * at least one sentence, of a news article's size. Anything else is refused with a message
 * that says what is wrong, before any work is done (a 5 MB file is not even read).
 */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { draftSentences } from './sentences.js';

/** Far above a news article (the first one is 2.4 kB); keeps a run well under a second. */
const MAX_TEXT_BYTES = 256 * 1024;

export class InputError extends Error {
  override name = 'InputError';
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;

/** Reads and checks an article text file; throws InputError naming the file and the problem. */
export function readArticleText(file: string): string {
  let bytes: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(`${file}: is a folder, not a text file`);
    bytes = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  if (bytes > MAX_TEXT_BYTES) {
    throw new InputError(
      `${file}: is ${size(bytes)}; the draft tool takes one article of up to ${size(MAX_TEXT_BYTES)}`,
    );
  }
  const buffer = Buffer.alloc(bytes);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, bytes, 0);
  } finally {
    closeSync(fd);
  }
  return checkArticleText(buffer, file);
}

/** The checks on the bytes of a text: UTF-8, not empty, Cyrillic, with sentences. */
export function checkArticleText(buffer: Uint8Array, file: string): string {
  if (buffer.includes(0))
    throw new InputError(`${file}: is a binary file (it has NUL bytes), not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new InputError(
      `${file}: is not UTF-8 text (binary, or another encoding: save it as UTF-8)`,
    );
  }
  text = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  if (text.trim() === '') throw new InputError(`${file}: is empty`);
  const letters = text.match(/\p{L}/gu) ?? [];
  const cyrillic = letters.filter((l) => /\p{Script=Cyrillic}/u.test(l)).length;
  if (letters.length === 0) throw new InputError(`${file}: has no words (no letters at all)`);
  if (cyrillic / letters.length < 0.5) {
    const script = dominantScript(letters);
    throw new InputError(
      `${file}: is not Kazakh or Russian text: most of its letters are ${script}, not Cyrillic`,
    );
  }
  const sentences = draftSentences(text).filter(
    (s) => (s.text.match(/\p{Script=Cyrillic}{2,}/gu) ?? []).length >= 3,
  );
  if (sentences.length === 0) {
    throw new InputError(`${file}: has no sentences (no line or sentence of three or more words)`);
  }
  return text;
}

const SCRIPTS = [
  'Latin',
  'Arabic',
  'Han',
  'Greek',
  'Hebrew',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Devanagari',
  'Armenian',
  'Georgian',
  'Thai',
];
function dominantScript(letters: readonly string[]): string {
  let best = 'of another script';
  let most = 0;
  for (const script of SCRIPTS) {
    const re = new RegExp(`\\p{Script=${script}}`, 'u');
    const n = letters.filter((l) => re.test(l)).length;
    if (n > most) {
      most = n;
      best = script;
    }
  }
  return best;
}
