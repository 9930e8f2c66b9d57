/**
 * `GET /api/outline.docx?topic=…` (API_TOKEN, like POST /api/ask) and `GET /admin/api/outline.docx` (the admin
 * page's "Tải đề cương"), in-process on the real core.
 */
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, API_TOKEN, startTestApp, type TestServer } from './setup.ts';

let s: TestServer;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const topic = encodeURIComponent('mạng xã hội');

beforeAll(async () => {
  s = await startTestApp();
});

afterAll(async () => {
  await s?.close();
});

async function docxText(res: Response): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) })).value;
}

describe('outline downloads', () => {
  it('needs the API token, like POST /api/ask', async () => {
    expect((await s.app.request(`/api/outline.docx?topic=${topic}`)).status).toBe(401);
    expect((await s.app.request(`/api/outline.docx?topic=${topic}`, { headers: adminHeaders() })).status).toBe(401);
  });

  it('answers a Word file named after the topic', async () => {
    const res = await s.app.request(`/api/outline.docx?topic=${topic}`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''de-cuong-mang-xa-hoi.docx");
    const text = await docxText(res);
    expect(text).toContain('Đề cương tuyên truyền: mạng xã hội');
    expect(text).toContain('Nguồn trích dẫn');
  });

  it('refuses a missing topic (400) and a topic the documents do not treat (404), in the API error format', async () => {
    const auth = { authorization: `Bearer ${API_TOKEN}` };
    const missing = await s.app.request('/api/outline.docx', { headers: auth });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('missing_topic');
    const nothing = await s.app.request(`/api/outline.docx?topic=${encodeURIComponent('giá vàng SJC')}`, { headers: auth });
    expect(nothing.status).toBe(404);
    expect(((await nothing.json()) as { error: { code: string } }).error.code).toBe('no_points');
  });

  it('serves the admin page with the admin token', async () => {
    expect((await s.app.request(`/admin/api/outline.docx?topic=${topic}`, { headers: { authorization: `Bearer ${API_TOKEN}` } })).status).toBe(401);
    const res = await s.app.request(`/admin/api/outline.docx?topic=${topic}`, { headers: adminHeaders() });
    expect(res.status).toBe(200);
    expect(await docxText(res)).toContain('Đề cương tuyên truyền: mạng xã hội');
  });
});
