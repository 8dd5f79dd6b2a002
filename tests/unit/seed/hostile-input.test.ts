/** Reading untrusted seed files: strict UTF-8, path confinement, YAML checks, nearest match. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readCheckedYaml } from '../../../src/seed/load.js';
import { confinedTextFile, decodeUtf8, firstInvalidUtf8 } from '../../../src/seed/read.js';
import { ArticleText, nearestMatch } from '../../../src/seed/text.js';
import { documentProblems, needsCloserLook } from '../../../src/seed/yaml-checks.js';

describe('firstInvalidUtf8', () => {
  it.each([
    ['ASCII and Kazakh text', Buffer.from('Әлихан – ok 😀'), -1],
    ['a stray continuation byte', Buffer.from([0x61, 0x80]), 1],
    ['an overlong "/"', Buffer.from([0x61, 0xc0, 0xaf]), 1],
    ['an encoded surrogate', Buffer.from([0xed, 0xa0, 0x80]), 0],
    ['past U+10FFFF', Buffer.from([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a sequence cut at the end', Buffer.from([0x61, 0x62, 0xe2, 0x80]), 2],
  ])('%s', (_, bytes, expected) => {
    expect(firstInvalidUtf8(bytes)).toBe(expected === -1 ? bytes.length : expected);
  });
});

describe('decodeUtf8', () => {
  it('keeps a byte order mark, as the stored offsets count it', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFa'))).toEqual({ ok: true, text: '\uFEFFa' });
  });

  it('names the line and column (in code points) of a bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('first\nӘә'), Buffer.from([0xff])]);
    expect(decodeUtf8(bytes)).toEqual({
      ok: false,
      line: 2,
      column: 3,
      message: 'not valid UTF-8: byte 0xFF at byte offset 10 (save the file as UTF-8)',
    });
  });

  it('refuses a NUL character', () => {
    expect(decodeUtf8(Buffer.from('a\nb\0'))).toMatchObject({ ok: false, line: 2, column: 2 });
  });
});

describe('confinedTextFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'togys-confine-'));
  const annotation = path.join(dir, 'a.yaml');
  writeFileSync(path.join(dir, 'a.txt'), 'text');
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'b.txt'), 'text');
  symlinkSync(dir, path.join(dir, 'sub', 'up'));
  symlinkSync('/etc/hostname', path.join(dir, 'host.txt'));

  it.each([
    ['a.txt', path.join(dir, 'a.txt')],
    ['sub/b.txt', path.join(dir, 'sub', 'b.txt')],
    ['./sub/../a.txt', path.join(dir, 'a.txt')],
    // A link that stays inside the tree is fine.
    ['sub/up/a.txt', path.join(dir, 'sub', 'up', 'a.txt')],
  ])('%s is inside', (textFile, expected) => {
    expect(confinedTextFile(annotation, textFile)).toEqual({ ok: true, path: expected });
  });

  it.each([
    ['/etc/hostname', 'is an absolute path'],
    ['C:\\Windows\\win.ini', 'is an absolute path'],
    ['../a.txt', 'leads out of the folder'],
    ['sub/../../a.txt', 'leads out of the folder'],
    ['.', 'leads out of the folder'],
    ['host.txt', 'is a link to /etc/hostname, outside the folder'],
    ['sub', 'is not a regular file'],
  ])('%s is refused', (textFile, why) => {
    const result = confinedTextFile(annotation, textFile);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(`${JSON.stringify(textFile)} ${why}`);
  });
});

describe('YAML checks', () => {
  const problems = (source: string) => {
    const lines = new LineCounter();
    return documentProblems(parseDocument(source, { lineCounter: lines }), lines, source);
  };

  it('the core tags are plain values; others are named where they are written', () => {
    expect(problems('a: !!str 12\nb: !!int "3"\nc: !!seq [1]\n')).toEqual([]);
    expect(problems('a:\n  - x\n  - &k !!binary aGk=\n')).toEqual([
      {
        path: ['a', 1],
        line: 3,
        column: 8,
        message: 'unknown YAML tag !!binary: annotations hold plain values, without tags',
      },
    ]);
  });

  it('numbers beyond 2^53, infinities and NaN; 2^53 - 1 is kept', () => {
    expect(problems('a: 9007199254740991\nb: -9007199254740991\n')).toEqual([]);
    expect(problems('a: 9007199254740993\nb: .inf\nc: .nan\n').map((p) => p.message)).toEqual([
      'the number 9007199254740993 is beyond ±2^53 (9007199254740991): it cannot be stored exactly and would be rounded to 9007199254740992',
      '.inf is not a finite number',
      '.nan is not a finite number',
    ]);
  });

  it('a value js-yaml gave needs a closer look for the same reasons, and for alias bombs', () => {
    expect(needsCloserLook({ a: ['text', 1, 2.5, true, null] })).toBe(false);
    expect(needsCloserLook({ a: 2 ** 60 })).toBe(true);
    expect(needsCloserLook({ a: ['x\0'] })).toBe(true);
    expect(needsCloserLook({ 'k\0': 1 })).toBe(true);
    expect(needsCloserLook({ a: '\uD800' })).toBe(true);
    expect(needsCloserLook({ a: '😀' })).toBe(false);
    let bomb: unknown[] = ['x'];
    for (let i = 0; i < 9; i += 1) bomb = Array.from({ length: 10 }, () => bomb);
    expect(needsCloserLook({ bomb })).toBe(true);
  });
});

describe('nearestMatch', () => {
  const text = new ArticleText('Бір. Ресей – біздің негізгі серіктесіміз, — деді ол. 😀 соңы');

  it('one character off: the first differing character, in code points', () => {
    expect(nearestMatch(text, 'Ресей — біздің негізгі')).toEqual({
      start: 5,
      index: 6,
      inExcerpt: '—',
      inText: '–',
    });
  });

  it('found from its end when the difference is near its start', () => {
    expect(nearestMatch(text, 'Xесей – біздің негізгі серіктесіміз')).toEqual({
      start: 5,
      index: 0,
      inExcerpt: 'X',
      inText: 'Р',
    });
  });

  it('counts an astral character as one', () => {
    expect(nearestMatch(text, '😀 соңX')).toEqual({
      start: 53,
      index: 5,
      inExcerpt: 'X',
      inText: 'ы',
    });
  });

  it('nothing near: no match to show', () => {
    expect(nearestMatch(text, 'entirely different words')).toBeUndefined();
  });
});

describe('readCheckedYaml (for any seed YAML file, e.g. a registry file)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'togys-yaml-'));
  const write = (name: string, content: string | Buffer) => {
    writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };

  it('gives the document and value of a plain file', () => {
    const checked = readCheckedYaml(write('ok.yaml', 'entities:\n  - id: country/kz\n'));
    expect(checked.ok && checked.value).toEqual({ entities: [{ id: 'country/kz' }] });
  });

  it('refuses what an annotation would refuse, at its place', () => {
    const tagged = write('tag.yaml', 'entities:\n  - id: !!js/function x\n');
    expect(readCheckedYaml(tagged)).toEqual({
      ok: false,
      issues: [
        {
          file: tagged,
          path: 'entities[0].id',
          line: 2,
          column: 9,
          message: 'unknown YAML tag !!js/function: annotations hold plain values, without tags',
        },
      ],
    });
    const bytes = write('bytes.yaml', Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28, 0x0a]));
    expect(readCheckedYaml(bytes)).toMatchObject({ ok: false, issues: [{ line: 1, column: 4 }] });
  });
});
