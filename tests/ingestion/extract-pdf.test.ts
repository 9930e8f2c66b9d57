import { describe, expect, it } from 'vitest';
import { extractText } from '../../ingestion/extract/index.ts';
import { buildBlankPdf, buildEncryptedPdf, buildTextPdf, utf8 } from './extract-fixtures.ts';

describe('extractText: .pdf', () => {
  it('extracts the text layer page by page, joined with a blank line', async () => {
    const bytes = await buildTextPdf([['KE HOACH', 'So 12-KH/DU'], ['I. MUC DICH, YEU CAU']]);
    const result = await extractText({ name: 'ke-hoach.pdf', bytes });
    expect(result).toMatchObject({ ok: true, format: 'pdf', pages: 2 });
    if (!result.ok) return;
    const [first, second] = result.text.split('\n\n');
    expect(first).toContain('KE HOACH');
    expect(first).toContain('So 12-KH/DU');
    expect(second).toContain('I. MUC DICH, YEU CAU');
  });

  it('does not modify the caller’s bytes', async () => {
    const bytes = await buildTextPdf([['KE HOACH']]);
    const copy = bytes.slice();
    await extractText({ name: 'a.pdf', bytes });
    expect(bytes).toEqual(copy);
  });

  it('leaves a Node Buffer (as read from disk) usable afterwards', async () => {
    const buffer = Buffer.from(await buildTextPdf([['KE HOACH']]));
    await extractText({ name: 'a.pdf', bytes: buffer });
    expect(buffer.byteLength).toBeGreaterThan(0);
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses a PDF with pages but no text as a scan (OCR, where installed, finds nothing either)', async () => {
    const result = await extractText({ name: 'scan.pdf', bytes: await buildBlankPdf(1) });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('(scanned PDF without a text layer') });
  });

  it('refuses a PDF over the page limit before reading its pages', async () => {
    const bytes = await buildTextPdf([['A'], ['B'], ['C'], ['D']]);
    const result = await extractText({ name: 'dai.pdf', bytes }, { maxPages: 3 });
    expect(result).toEqual({ ok: false, reason: 'PDF có 4 trang, giới hạn 3 trang (too many pages)', overLimit: true });
  });

  it('refuses a password-protected PDF', async () => {
    const result = await extractText({ name: 'mat-khau.pdf', bytes: await buildEncryptedPdf() });
    expect(result).toEqual({ ok: false, reason: 'PDF được đặt mật khẩu, không đọc được (encrypted pdf)' });
  });

  it('refuses a truncated PDF as corrupt', async () => {
    const bytes = await buildTextPdf([['KE HOACH']]);
    const result = await extractText({ name: 'a.pdf', bytes: bytes.slice(0, 40) });
    expect(result).toMatchObject({ ok: false });
  });

  it('refuses a .pdf without a %PDF- header', async () => {
    const result = await extractText({ name: 'a.pdf', bytes: utf8('KE HOACH so 12') });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('(content does not match extension)') });
  });

  it('refuses a parse that exceeds the time limit', async () => {
    const bytes = await buildTextPdf(Array.from({ length: 40 }, (_, i) => [`Trang ${i}`]));
    const result = await extractText({ name: 'a.pdf', bytes }, { timeoutMs: 1 });
    expect(result).toEqual({ ok: false, reason: 'Quá thời gian đọc tệp: hơn 1 ms (parse timeout, limit 1 ms)' });
  });
});
