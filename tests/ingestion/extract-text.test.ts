import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTRACT_LIMITS, extractText } from '../../ingestion/extract/index.ts';
import { utf16, utf8 } from './extract-fixtures.ts';

const VIETNAMESE = 'Số: 12 -KH/ĐU\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. **Ban Tổ chức Huyện uỷ:** chủ trì, phối hợp.\r\n';

describe('extractText: plain text and Markdown', () => {
  it('returns UTF-8 text unchanged', async () => {
    const result = await extractText({ name: 'ke-hoach.txt', bytes: utf8(VIETNAMESE) });
    expect(result).toEqual({ ok: true, text: VIETNAMESE, format: 'txt' });
  });

  it('removes only the BOM of UTF-8 with BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(VIETNAMESE)]);
    expect(await extractText({ name: 'a.md', bytes })).toEqual({ ok: true, text: VIETNAMESE, format: 'md' });
  });

  it.each([
    ['UTF-16 LE with BOM', utf16(VIETNAMESE, 'le', true)],
    ['UTF-16 LE without BOM', utf16(VIETNAMESE, 'le', false)],
    ['UTF-16 BE with BOM', utf16(VIETNAMESE, 'be', true)],
    ['UTF-16 BE without BOM', utf16(VIETNAMESE, 'be', false)],
  ])('decodes %s', async (_label, bytes) => {
    expect(await extractText({ name: 'a.TXT', bytes })).toEqual({ ok: true, text: VIETNAMESE, format: 'txt' });
  });

  it('refuses binary bytes', async () => {
    const bytes = new Uint8Array(512).map((_, i) => (i * 37) % 256);
    expect(await extractText({ name: 'a.txt', bytes })).toEqual({
      ok: false,
      reason: 'Tệp nhị phân, không phải văn bản (binary file)',
    });
  });

  it('refuses valid UTF-8 full of control characters as binary', async () => {
    const bytes = utf8('abc\u0000\u0001\u0002def\u0003\u0004'.repeat(20));
    const result = await extractText({ name: 'a.txt', bytes });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('(binary file)') });
  });

  it('refuses legacy-encoded text as an unsupported encoding, not as binary', async () => {
    // "Kế hoạch" in Windows-1258: plain bytes with high-bit letters, invalid as UTF-8.
    const bytes = new Uint8Array([0x4b, 0xea, 0xec, 0x20, 0x68, 0x6f, 0xb5, 0x63, 0x68, 0x0a]);
    const result = await extractText({ name: 'a.txt', bytes });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('(unsupported text encoding)') });
  });

  it('refuses a .txt that is really a PDF or a zip', async () => {
    const pdf = await extractText({ name: 'a.txt', bytes: utf8('%PDF-1.7\n...') });
    const zip = await extractText({ name: 'a.md', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    expect(pdf).toMatchObject({ ok: false, reason: expect.stringMatching(/thực chất là PDF.*\(content does not match extension\)/) });
    expect(zip).toMatchObject({ ok: false, reason: expect.stringContaining('(content does not match extension)') });
  });
});

describe('extractText: refusals before parsing', () => {
  it('refuses an empty file', async () => {
    expect(await extractText({ name: 'a.txt', bytes: new Uint8Array() })).toEqual({
      ok: false,
      reason: 'Tệp rỗng (empty file)',
    });
  });

  it('refuses a whitespace-only file as empty', async () => {
    const result = await extractText({ name: 'a.txt', bytes: utf8(' \n\t\r\n\u00a0\u200b ') });
    expect(result).toEqual({ ok: false, reason: 'Tệp rỗng (empty file)' });
  });

  it('refuses an unknown extension and names it', async () => {
    expect(await extractText({ name: 'bang-tinh.xlsx', bytes: utf8('x') })).toEqual({
      ok: false,
      reason: 'Định dạng không hỗ trợ: .xlsx; hỗ trợ .txt, .md, .docx, .pdf, .html (unsupported type)',
    });
    const none = await extractText({ name: 'README', bytes: utf8('x') });
    expect(none).toMatchObject({ ok: false, reason: expect.stringContaining('(không có đuôi)') });
  });

  it('refuses an oversize file against a configurable limit', async () => {
    const bytes = utf8('a'.repeat(3000));
    const result = await extractText({ name: 'a.txt', bytes }, { maxBytes: 2048 });
    expect(result).toEqual({ ok: false, reason: 'Tệp quá lớn: 2.9 KB, giới hạn 2 KB (file too large)', overLimit: true });
  });

  it('formats the default size limit in MB', async () => {
    const bytes = new Uint8Array(DEFAULT_EXTRACT_LIMITS.maxBytes + 1);
    const result = await extractText({ name: 'a.txt', bytes });
    expect(result).toEqual({ ok: false, reason: 'Tệp quá lớn: 20 MB, giới hạn 20 MB (file too large)', overLimit: true });
  });

  it('ignores nonsense limits instead of disabling them', async () => {
    const result = await extractText({ name: 'a.txt', bytes: utf8('ok') }, { maxBytes: Number.NaN, timeoutMs: -1 });
    expect(result).toEqual({ ok: true, text: 'ok', format: 'txt' });
  });
});

describe('extractText: HTML', () => {
  it('drops head, script and style, breaks blocks into lines, bullets list items and decodes entities', async () => {
    const html = `<!doctype html><html><head><title>Tiêu đề</title><style>p{color:red}</style></head>
      <body><script>alert("x")</script>
      <h1>I. M&Ucirc;C &#272;&Iacute;CH</h1>
      <p>Th&#7921;c hi&#7879;n   K&#7871; ho&#7841;ch&nbsp;s&#7889; 12&nbsp;-KH/&#272;U<br>ng&agrave;y 31/5/2021 &amp; sau</p>
      <ul><li>M&#7897;t</li><li>Hai <b>đậm</b></li></ul>
      <table><tr><td>A</td><td>B</td></tr></table>
      <div>Cuối</div></body></html>`;
    const result = await extractText({ name: 'trang.HTM', bytes: utf8(html) });
    expect(result).toEqual({
      ok: true,
      format: 'html',
      text: 'I. MÛC ĐÍCH\n\nThực hiện Kế hoạch số 12 -KH/ĐU\nngày 31/5/2021 & sau\n\n- Một\n- Hai đậm\n\nA | B\n\nCuối',
    });
  });

  it('writes a table as one `|` row per line, whatever blocks its cells hold', async () => {
    const html = `<p>PHỤ LỤC</p><table><thead><tr><th>STT</th><th>Nội dung công việc</th><th>Cơ quan chủ trì</th></tr></thead>
      <tbody><tr><td>1</td><td><p>Tổ chức hội nghị</p><p>quán triệt</p></td><td>Ban Tuyên giáo<br>Đảng ủy Khối</td></tr>
      <tr><td>2</td><td>Kiểm tra A|B</td><td></td></tr><tr><td>3</td><td></td><td>Văn phòng</td></tr></tbody></table><p>Hết.</p>`;
    const result = await extractText({ name: 'phu-luc.html', bytes: utf8(html) });
    expect(result).toMatchObject({
      ok: true,
      text: 'PHỤ LỤC\n\nSTT | Nội dung công việc | Cơ quan chủ trì\n1 | Tổ chức hội nghị quán triệt | Ban Tuyên giáo Đảng ủy Khối\n2 | Kiểm tra A/B\n3 | | Văn phòng\n\nHết.',
    });
  });

  it('refuses a page with nothing but script as empty', async () => {
    const result = await extractText({ name: 'a.html', bytes: utf8('<html><script>var a = 1;</script></html>') });
    expect(result).toEqual({ ok: false, reason: 'Tệp rỗng (empty file)' });
  });

  it('stops reading a page with more elements or more text than the limits, naming the limit', async () => {
    const spans = utf8(`<p>${'<span>a</span>'.repeat(1000)}</p>`);
    expect(await extractText({ name: 'a.html', bytes: spans }, { maxElements: 500 })).toEqual({
      ok: false,
      reason: 'Tệp có quá nhiều thành phần XML/HTML, vượt giới hạn 500 (too many elements, limit 500)',
      overLimit: true,
    });
    const long = utf8(`<p>${'chữ '.repeat(5000)}</p>`);
    expect(await extractText({ name: 'a.html', bytes: long }, { maxTextChars: 10_000 })).toEqual({
      ok: false,
      reason: 'Văn bản trong tệp dài quá 10.000 ký tự (text too long, limit 10000 characters)',
      overLimit: true,
    });
  });

  it('applies the text limit to plain text too', async () => {
    expect(await extractText({ name: 'a.txt', bytes: utf8('x'.repeat(101)) }, { maxTextChars: 100 })).toMatchObject({ overLimit: true });
  });
});
