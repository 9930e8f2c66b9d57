import { beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../ingestion/extract/index.ts';
import { buildAppendixDocx, buildDirectiveDocx, buildZipBomb, forgeDeclaredSizes, utf8 } from './extract-fixtures.ts';

const MB = 1024 * 1024;

describe('extractText: .docx', () => {
  let docx: Uint8Array;
  let bomb: Uint8Array;

  beforeAll(async () => {
    docx = await buildDirectiveDocx();
    bomb = await buildZipBomb(60 * MB);
  });

  it('extracts paragraphs separated by blank lines, without bold markers', async () => {
    const result = await extractText({ name: 'ke-hoach-12.docx', bytes: docx });
    expect(result).toMatchObject({ ok: true, format: 'docx' });
    if (!result.ok) return;
    const paragraphs = result.text.split('\n\n').map((p) => p.trim()).filter(Boolean);
    expect(paragraphs).toEqual([
      'Số: 12 -KH/ĐU',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Ban Tổ chức Đảng uỷ: chủ trì, phối hợp tuyên truyền sâu rộng trong cán bộ, đảng viên.',
      '- Tiếp tục tạo sự thống nhất về nhận thức và hành động trong Đảng.',
    ]);
    expect(result.text).not.toContain('**');
    expect(result.pages).toBeUndefined();
  });

  it('writes a table as one `|` row per line, a cell’s paragraphs on one line, and keeps line breaks apart', async () => {
    const result = await extractText({ name: 'phu-luc.docx', bytes: await buildAppendixDocx() });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.text).toContain(
      'PHỤ LỤC\n\nSTT | Nội dung công việc | Cơ quan chủ trì | Thời gian hoàn thành\n1 | Tổ chức hội nghị quán triệt | Ban Tuyên giáo Đảng ủy Khối | Tháng 02/2025\n2 | Biên soạn tài liệu | Ban Tổ chức | Quý I/2025\n\nHết.',
    );
    expect(result.text).toContain('Dòng một\ndòng hai');
  });

  it('refuses a truncated .docx as corrupt', async () => {
    const result = await extractText({ name: 'a.docx', bytes: docx.slice(0, Math.floor(docx.length / 2)) });
    expect(result).toEqual({ ok: false, reason: 'Tệp .docx bị hỏng hoặc không đọc được (corrupt docx)' });
  });

  it('refuses a zip without a Word document as corrupt', async () => {
    const small = await buildZipBomb(100);
    const result = await extractText({ name: 'a.docx', bytes: small });
    expect(result).toEqual({ ok: false, reason: 'Tệp .docx bị hỏng hoặc không đọc được (corrupt docx)' });
  });

  it('refuses a .docx that is not a zip', async () => {
    const result = await extractText({ name: 'a.docx', bytes: utf8('Số: 12 -KH/ĐU, chỉ là văn bản thường') });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('(content does not match extension)') });
  });

  it('refuses a legacy Word .doc renamed to .docx', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const result = await extractText({ name: 'a.docx', bytes });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('(legacy .doc file)') });
  });

  it('refuses a zip bomb from its declared sizes, without inflating it', async () => {
    expect(bomb.length).toBeLessThan(MB);
    const started = performance.now();
    const result = await extractText({ name: 'bomb.docx', bytes: bomb });
    const elapsed = performance.now() - started;
    expect(result).toEqual({
      ok: false,
      reason: 'Tệp .docx khi giải nén vượt quá 50 MB, có thể là zip bomb (decompressed size too large)',
    });
    // Inflating 60 MB takes far longer than reading a central directory.
    expect(elapsed).toBeLessThan(150);
  });

  it('refuses a zip bomb that lies about its sizes by counting while inflating', async () => {
    const liar = forgeDeclaredSizes(bomb, 1000);
    const result = await extractText({ name: 'liar.docx', bytes: liar }, { maxUnzippedBytes: 4 * MB });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('(decompressed size too large)') });
  });

  it('honours a configurable decompressed-size limit', async () => {
    const result = await extractText({ name: 'a.docx', bytes: docx }, { maxUnzippedBytes: 1000 });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('vượt quá 1000 B') });
  });
});
