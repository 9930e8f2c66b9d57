import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarkupParser, extractText } from '../../ingestion/extract/index.ts';
import { buildAppendixDocx, buildDirectiveDocx, buildTinyParagraphDocx, buildZipBomb, forgeDeclaredSizes, utf8 } from './extract-fixtures.ts';

const MB = 1024 * 1024;

describe('extractText: .docx', () => {
  let docx: Uint8Array;
  let bomb: Uint8Array;
  // One markup worker for the file, started before the timed cases.
  const markup = createMarkupParser();

  beforeAll(async () => {
    docx = await buildDirectiveDocx();
    bomb = await buildZipBomb(60 * MB);
    await extractText({ name: 'warm-up.docx', bytes: docx }, {}, markup);
  });
  afterAll(() => markup.close());

  it('extracts paragraphs separated by blank lines, without bold markers', async () => {
    const result = await extractText({ name: 'ke-hoach-12.docx', bytes: docx }, {}, markup);
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
    const result = await extractText({ name: 'a.docx', bytes: docx.slice(0, Math.floor(docx.length / 2)) }, {}, markup);
    expect(result).toEqual({ ok: false, reason: 'Tệp .docx bị hỏng hoặc không đọc được (corrupt docx)' });
  });

  it('refuses a zip without a Word document as corrupt', async () => {
    const small = await buildZipBomb(100);
    const result = await extractText({ name: 'a.docx', bytes: small }, {}, markup);
    expect(result).toEqual({ ok: false, reason: 'Tệp .docx bị hỏng hoặc không đọc được (corrupt docx)' });
  });

  it('refuses a .docx that is not a zip', async () => {
    const result = await extractText({ name: 'a.docx', bytes: utf8('Số: 12 -KH/ĐU, chỉ là văn bản thường') }, {}, markup);
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
    const result = await extractText({ name: 'bomb.docx', bytes: bomb }, {}, markup);
    const elapsed = performance.now() - started;
    expect(result).toEqual({
      ok: false,
      reason: 'Tệp .docx khi giải nén vượt quá 50 MB, có thể là zip bomb (decompressed size too large)',
      overLimit: true,
    });
    // Inflating 60 MB takes far longer than reading a central directory.
    expect(elapsed).toBeLessThan(150);
  });

  it('refuses a zip bomb that lies about its sizes by counting while inflating', async () => {
    const liar = forgeDeclaredSizes(bomb, 1000);
    const result = await extractText({ name: 'liar.docx', bytes: liar }, { maxUnzippedBytes: 4 * MB }, markup);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('(decompressed size too large)') });
  });

  it('honours a configurable decompressed-size limit', async () => {
    const result = await extractText({ name: 'a.docx', bytes: docx }, { maxUnzippedBytes: 1000 }, markup);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('vượt quá 1000 B') });
  });

  describe('bounded parsing (a small file that expands into millions of elements)', () => {
    let trap: Uint8Array;
    let smallTrap: Uint8Array;

    beforeAll(async () => {
      trap = await buildTinyParagraphDocx(48 * MB);
      smallTrap = await buildTinyParagraphDocx(10 * MB);
    }, 60_000);

    /** Runs `work` while measuring the longest gap between 10 ms ticks: how long the event loop was blocked. */
    async function withLoopLag<T>(work: () => Promise<T>): Promise<{ value: T; lagMs: number }> {
      let last = performance.now();
      let lagMs = 0;
      const tick = setInterval(() => {
        const now = performance.now();
        lagMs = Math.max(lagMs, now - last);
        last = now;
      }, 10);
      try {
        return { value: await work(), lagMs };
      } finally {
        clearInterval(tick);
      }
    }

    it('refuses 48 MB of one-letter paragraphs (a ~150 KB file) by its element count, off the event loop', async () => {
      expect(trap.length).toBeLessThan(400 * 1024);
      const started = performance.now();
      const { value, lagMs } = await withLoopLag(() => extractText({ name: 'bay.docx', bytes: trap }, {}, markup));
      expect(value).toEqual({
        ok: false,
        reason: 'Tệp có quá nhiều thành phần XML/HTML, vượt giới hạn 500.000 (too many elements, limit 500000)',
        overLimit: true,
      });
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(lagMs).toBeLessThan(500);
    });

    it('refuses a parse that outgrows its memory cap, then reads the next file on a fresh worker', async () => {
      const limits = { maxElements: 100_000_000, maxParseMemoryMb: 48 };
      const { value, lagMs } = await withLoopLag(() => extractText({ name: 'bay.docx', bytes: smallTrap }, limits, markup));
      expect(value).toEqual({ ok: false, reason: 'Đọc tệp cần quá 48 MB bộ nhớ (parse memory limit 48 MB)', overLimit: true });
      expect(lagMs).toBeLessThan(500);
      expect(await extractText({ name: 'ke-hoach.docx', bytes: docx }, {}, markup)).toMatchObject({ ok: true, format: 'docx' });
    });

    it('stops a parse at the time limit, then reads the next file', async () => {
      const limits = { maxElements: 100_000_000, timeoutMs: 300 };
      expect(await extractText({ name: 'bay.docx', bytes: smallTrap }, limits, markup)).toEqual({
        ok: false,
        reason: 'Quá thời gian đọc tệp: hơn 300 ms (parse timeout, limit 300 ms)',
      });
      expect(await extractText({ name: 'ke-hoach.docx', bytes: docx }, {}, markup)).toMatchObject({ ok: true, format: 'docx' });
    });

    it('refuses text longer than the text limit', async () => {
      expect(await extractText({ name: 'a.docx', bytes: docx }, { maxTextChars: 50 }, markup)).toEqual({
        ok: false,
        reason: 'Văn bản trong tệp dài quá 50 ký tự (text too long, limit 50 characters)',
        overLimit: true,
      });
    });
  });
});
