import { describe, expect, it } from 'vitest';
import { checkArticleText, InputError } from '../../../src/draft/input.js';

const check = (content: string | Uint8Array) =>
  checkArticleText(typeof content === 'string' ? Buffer.from(content) : content, 'a.txt');

describe('checkArticleText', () => {
  it('accepts Kazakh and Russian text, dropping a BOM and CR line ends', () => {
    expect(check('\uFEFFҚазақстан мен Ресей сауда жасады.\r\nЕкінші жол.')).toBe(
      'Қазақстан мен Ресей сауда жасады.\nЕкінші жол.',
    );
    expect(check('Премьер-министр встретился с коллегой.')).toContain('встретился');
  });

  it.each([
    ['', 'a.txt: is empty'],
    ['  \n\t', 'a.txt: is empty'],
    ['1234 5678 — 90', 'a.txt: has no words (no letters at all)'],
    ['The Prime Minister met his counterpart.', 'most of its letters are Latin'],
    ['Иә.\nЖоқ.\n25 там', 'has no sentences'],
  ])('refuses %j', (text, message) => {
    expect(() => check(text)).toThrow(InputError);
    expect(() => check(text)).toThrow(message);
  });

  it('refuses binary and non-UTF-8 bytes', () => {
    expect(() => check(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toThrow(
      'is a binary file',
    );
    expect(() => check(new Uint8Array([0xcd, 0xe0, 0xf1, 0xf2]))).toThrow('is not UTF-8 text');
  });
});
