/**
 * Hostile uploads against a real server on 127.0.0.1 (the admin API over HTTP, the seeded store): a 150 KB .docx
 * holding 48 MB of one-letter paragraphs, file names with NUL, paths, bidirectional overrides and 60,000
 * characters, a file sent twice, a file whose text names no title. Each one once broke the service (the .docx
 * blocked the event loop for ~50 s and killed the process at 4.5 GB; the NUL name got a 422 quoting the SQL and
 * no ingestion log line); now each gets a clear answer, and the service keeps answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type HttpListener } from '../../src/http/front-door.ts';
import { CLI_ACTOR } from '../../src/admin/admin-service.ts';
import type { DraftReview, UploadRefusal } from '../../src/core/services.ts';
import { adminHeaders, API_TOKEN, fileForm, NEW_PLAN, startTestApp, type TestServer } from '../admin-api/setup.ts';
import { buildTinyParagraphDocx } from '../ingestion/extract-fixtures.ts';

const MB = 1024 * 1024;

describe('hostile uploads', () => {
  let s: TestServer;
  let server: HttpListener | undefined;
  let base = '';

  beforeAll(async () => {
    s = await startTestApp({ maxUploadBytes: 2 * MB });
    server = await listen(s.app, 0, { hostname: '127.0.0.1', maxBodyBytes: 64 * 1024 * 1024 });
    base = `http://127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await server?.close();
    await s?.close();
  });

  async function upload(name: string, content: string | Uint8Array) {
    const res = await fetch(`${base}/admin/api/documents`, { method: 'POST', headers: adminHeaders(), body: fileForm(name, content) });
    return { status: res.status, text: await res.text() };
  }

  async function healthLatencies(until: Promise<unknown>): Promise<number[]> {
    const latencies: number[] = [];
    let done = false;
    void until.finally(() => (done = true));
    while (!done) {
      const started = performance.now();
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(200);
      latencies.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
    return latencies;
  }

  it('refuses a 150 KB .docx of 48 MB one-letter paragraphs with a 413 naming the limit, and keeps answering', async () => {
    const trap = await buildTinyParagraphDocx(48 * MB);
    const pending = upload('bay.docx', trap);
    const latencies = await healthLatencies(pending);
    const { status, text } = await pending;
    expect(status).toBe(413);
    expect(JSON.parse(text)).toEqual({
      error: {
        code: 'file_over_limit',
        message_vi: 'bay.docx: Tệp có quá nhiều thành phần XML/HTML, vượt giới hạn 500.000 (too many elements, limit 500000)',
        message_en: 'bay.docx: too many elements, limit 500000',
      },
    });
    expect(Math.max(...latencies)).toBeLessThan(1000);
    const asked = await fetch(`${base}/api/ask`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'nội dung tuyên truyền trọng tâm năm 2023 là gì?' }),
    });
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as { refused: boolean }).refused).toBe(false);
    const logged = await s.core.store.recentIngestions(5);
    expect(logged[0]).toMatchObject({ source: 'bay.docx', outcome: 'failed', message: expect.stringContaining('too many elements') });
  }, 60_000);

  it('stores a file named with a NUL under a clean name: no database text anywhere, the original in the audit log', async () => {
    const { status, text } = await upload('evil\u0000.exe.txt', NEW_PLAN.replace('chuyển đổi số', 'chữ ký số'));
    expect(text).not.toMatch(/database|INSERT|22021|SQL/i);
    expect(status).toBe(201);
    expect(JSON.parse(text)).toMatchObject({ status: 'draft', source: 'evil.exe.txt' });
    const audit = await s.core.db.query<{ detail: Record<string, unknown> }>(`SELECT detail FROM audit_log WHERE action = 'upload' ORDER BY id DESC LIMIT 1`);
    // NUL cannot be stored in jsonb either: the audit keeps the name as sent, less the NUL itself.
    expect(audit[0]?.detail).toMatchObject({ source: 'evil.exe.txt', originalName: 'evil.exe.txt' });
    expect((await s.core.store.recentIngestions(1))[0]).toMatchObject({ source: 'evil.exe.txt', outcome: 'draft' });
  });

  it('stores a text whose content holds a NUL (Postgres text cannot), without a database error', async () => {
    const { status, text } = await upload('nul-trong-noi-dung.txt', NEW_PLAN.replace('Nâng cao', 'Nâng\u0000 cao'));
    expect(text).not.toMatch(/database|INSERT|22021|SQL/i);
    expect(status).toBe(201);
  });

  it.each([
    ['..\\..\\windows\\evil.txt', 'evil.txt'],
    ['../../etc/ke-hoach.txt', 'ke-hoach.txt'],
    ['\u202egnp.txt', 'gnp.txt'],
    ['a\u0007b\u001b[31m\u2066c.txt', 'ab[31mc.txt'],
    [`${'x'.repeat(60_000)}.txt`, `${'x'.repeat(196)}.txt`],
  ])('a hostile name %j is stored as %j, the original kept in the audit log', async (name, stored) => {
    const review = (await s.admin.upload({ name, bytes: new TextEncoder().encode(NEW_PLAN.replace('hằng tuần', `hằng tuần ${stored.length}`)) }, CLI_ACTOR)) as DraftReview;
    expect(review.document.source).toBe(stored);
    expect(review.document.source.length).toBeLessThanOrEqual(200);
    const audit = await s.core.db.query<{ detail: { originalName?: string; originalNameChars?: number } }>(
      `SELECT detail FROM audit_log WHERE action = 'upload' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]?.detail.originalName).toBe(name.slice(0, 1000));
    if (name.length > 1000) expect(audit[0]?.detail.originalNameChars).toBe(name.length);
  });

  it('gives the stored draft back, with a warning, when the same bytes come again', async () => {
    const bytes = new TextEncoder().encode(NEW_PLAN.replace('hằng tuần', 'hằng tháng'));
    const first = await upload('lan-1.txt', bytes);
    const again = await upload('lan-2.txt', bytes);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    type Review = { id: string; same_content: boolean; warnings: Array<{ code: string; message: string }> };
    const a = JSON.parse(first.text) as Review;
    const b = JSON.parse(again.text) as Review;
    expect(b.id).toBe(a.id);
    expect(b.same_content).toBe(true);
    expect(b.warnings[0]).toEqual({ code: 'same_content', message: 'Tệp giống hệt văn bản đã có trong kho (bản nháp, tệp "lan-1.txt"): không tạo bản nháp mới' });
    const drafts = await s.core.store.listDocuments({ status: 'draft' });
    expect(drafts.filter((d) => d.id === a.id)).toHaveLength(1);
    expect(drafts.filter((d) => d.source === 'lan-2.txt')).toHaveLength(0);
  });

  it('gives a bundled document back when it is uploaded again, not a second copy', async () => {
    const doc = (await s.core.store.listDocuments({ status: 'active' }))[0]!;
    const bytes = new Uint8Array(await (await import('node:fs/promises')).readFile(`data/documents/${doc.source}`));
    const review = (await s.admin.upload({ name: doc.source, bytes }, CLI_ACTOR)) as DraftReview;
    expect(review).toMatchObject({ sameContent: true, document: { id: doc.id, status: 'active' } });
  });

  it('titles a draft from its file name when the text names no title', async () => {
    const review = (await s.admin.upload({ name: 'ghi-chu_hop-chi-bo.txt', bytes: new TextEncoder().encode('Nội dung buổi họp chi bộ tháng 5.\n\n- Một.\n- Hai.') }, CLI_ACTOR)) as
      | DraftReview
      | UploadRefusal;
    expect('refused' in review).toBe(false);
    const draft = review as DraftReview;
    expect(draft.document.title).toBe('ghi chu hop chi bo');
    expect(draft.document.warnings).toContain('Tạm lấy tiêu đề theo tên tệp: "ghi chu hop chi bo"');
  });

  it('records every refused upload in the ingestion log', async () => {
    const { status } = await upload('bang-tinh.xlsx', 'x');
    expect(status).toBe(422);
    expect((await s.core.store.recentIngestions(1))[0]).toMatchObject({ source: 'bang-tinh.xlsx', outcome: 'failed' });
  });
});
