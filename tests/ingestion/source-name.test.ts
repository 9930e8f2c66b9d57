/** The stored name of an uploaded file, and the title made from it. */
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_CHARS, sourceName, titleFromSource } from '../../ingestion/source-name.ts';

describe('sourceName', () => {
  it.each([
    ['ke-hoach.docx', 'ke-hoach.docx'],
    ['..\\..\\windows\\evil.txt', 'evil.txt'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['/tmp/upload/ke hoạch 12.txt', 'ke hoạch 12.txt'],
    ['evil\u0000.exe.txt', 'evil.exe.txt'],
    ['\u202egnp.txt', 'gnp.txt'],
    ['a\u2066b\u2069\u200fc.md', 'abc.md'],
    ['  tên có dấu cách.txt  ', 'tên có dấu cách.txt'],
    ['ke-hoa\u0323ch.txt', 'ke-hoạch.txt'], // NFC
    ['', 'tep-khong-ten'],
    ['dir/', 'tep-khong-ten'],
    ['..', 'tep-khong-ten'],
    ['\u0000\u0001', 'tep-khong-ten'],
  ])('%j → %j', (name, stored) => {
    expect(sourceName(name)).toBe(stored);
  });

  it('caps a long name at 200 characters, keeping the extension and whole characters', () => {
    expect(sourceName(`${'x'.repeat(60_000)}.docx`)).toBe(`${'x'.repeat(MAX_SOURCE_CHARS - 5)}.docx`);
    const emoji = sourceName(`${'😀'.repeat(300)}.txt`);
    expect(Array.from(emoji)).toHaveLength(MAX_SOURCE_CHARS);
    expect(emoji.endsWith('😀.txt')).toBe(true);
    expect(sourceName('y'.repeat(500))).toBe('y'.repeat(MAX_SOURCE_CHARS));
  });
});

describe('titleFromSource', () => {
  it('turns a file name into words', () => {
    expect(titleFromSource('ke-hoach_tuyen-truyen.2024.docx')).toBe('ke hoach tuyen truyen 2024');
    expect(titleFromSource('.txt')).toBe('txt');
  });
});
