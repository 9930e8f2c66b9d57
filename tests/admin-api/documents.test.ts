/**
 * The document life cycle through the admin API, against a real in-memory store seeded from data/documents:
 * upload (good, corrupt, unsupported, oversize, wrong content type) → edit → publish → answered at once;
 * replace with history, restore, retire, delete, cancel; list filters; detail with references; audit log.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, fileForm, jsonInit, NEW_PLAN, startTestApp, type TestServer } from './setup.ts';

interface Doc { id: string; status: string; version: number; source: string; metadata: Record<string, unknown> }
interface ErrorBody { error: { code: string; message_vi: string; message_en: string } }
const PLAN_12 = '2021-ke-hoach-12-kh-du-tuyen-truyen-sau-dai-hoi-xiii.txt';
const QUESTION_2024 = 'nhiệm vụ trọng tâm về chuyển đổi số năm 2024 là gì?';

let s: TestServer;
const get = async <T>(path: string) => {
  const res = await s.app.request(path, { headers: adminHeaders() });
  return { status: res.status, body: (await res.json()) as T };
};
const post = async <T>(path: string, init: RequestInit = { method: 'POST', headers: adminHeaders() }) => {
  const res = await s.app.request(path, init);
  return { status: res.status, body: (await res.json()) as T };
};
const upload = (name: string, content: string | Uint8Array) =>
  post<Doc & { warnings: Array<{ code: string }>; replaces: Doc | null; outline: unknown[] } & ErrorBody>('/admin/api/documents', {
    method: 'POST',
    headers: adminHeaders({ 'x-admin-name': encodeURIComponent('Chị Lan') }),
    body: fileForm(name, content),
  });
const tryAsk = (question: string) =>
  post<{ refused: boolean; citations: Array<{ source: string; documentId: string; line: string }>; retrieved: Array<{ score: number }> }>(
    '/admin/api/try',
    jsonInit('POST', { question }),
  );
const idOf = async (source: string) => (await get<{ documents: Doc[] }>('/admin/api/documents')).body.documents.find((d) => d.source === source)?.id ?? '';

beforeAll(async () => {
  s = await startTestApp();
});
afterAll(() => s.close());

describe('admin document API', () => {
  let draftId = '';

  it('uploads a file as a draft with metadata, outline and warnings, invisible to users', async () => {
    const res = await upload('2024-ke-hoach-chuyen-doi-so.txt', NEW_PLAN);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', replaces: null, metadata: { type: 'Kế hoạch', year: null, number: null } });
    expect(res.body.outline).toContainEqual({ label: 'II.1', heading: 'Nhiệm vụ trọng tâm về chuyển đổi số', level: 2 });
    expect(res.body.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['no_year', 'no_number']));
    draftId = res.body.id;
    const asked = await tryAsk(QUESTION_2024);
    expect(asked.body.citations.every((c) => c.documentId !== draftId)).toBe(true);
  });

  it('refuses corrupt, unsupported and oversize files and other content types', async () => {
    const corrupt = await upload('ke-hoach.docx', new Uint8Array([80, 75, 3, 4, 1, 2, 3, 4, 5, 6]));
    expect(corrupt.status).toBe(422);
    expect(corrupt.body.error.code).toBe('unprocessable_file');
    expect(corrupt.body.error.message_vi).toContain('ke-hoach.docx');
    expect(corrupt.body.error.message_en).toMatch(/ke-hoach\.docx: .*(corrupt|does not match)/);
    const exe = await upload('virus.exe', 'MZ');
    expect([exe.status, exe.body.error.message_en]).toEqual([422, 'virus.exe: unsupported type']);
    const big = await upload('big.txt', 'a'.repeat(300 * 1024));
    expect([big.status, big.body.error.code]).toEqual([413, 'payload_too_large']);
    const json = await post<ErrorBody>('/admin/api/documents', jsonInit('POST', { file: 'x' }));
    expect(json.status).toBe(415);
    const noFile = await post<ErrorBody>('/admin/api/documents', { method: 'POST', headers: adminHeaders(), body: new FormData() });
    expect([noFile.status, noFile.body.error.code]).toEqual([400, 'missing_file']);
  });

  it('edits metadata with validation and clears the warning the edit answers', async () => {
    const bad = await post<ErrorBody>(`/admin/api/documents/${draftId}`, jsonInit('PATCH', { year: 'năm nay', color: 'red' }));
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_request']);
    const text = await post<ErrorBody>(`/admin/api/documents/${draftId}`, { method: 'PATCH', headers: adminHeaders({ 'content-type': 'text/plain' }), body: 'year=2024' });
    expect(text.status).toBe(415);
    const res = await post<Doc & { warnings: Array<{ code: string }> }>(`/admin/api/documents/${draftId}`, jsonInit('PATCH', { year: 2024, issuedOn: '2024-03-15' }));
    expect(res.status).toBe(200);
    expect(res.body.metadata).toMatchObject({ year: 2024, yearSource: 'override', issuedOn: '2024-03-15' });
    expect(res.body.warnings.map((w) => w.code)).not.toContain('no_year');
    expect((await post(`/admin/api/documents/00000000-0000-4000-8000-000000000000`, jsonInit('PATCH', { year: 2024 }))).status).toBe(404);
  });

  it('publishes, and the next question is answered from the new document', async () => {
    const res = await post<Doc>(`/admin/api/documents/${draftId}/publish`);
    expect(res.body).toMatchObject({ status: 'active', version: 1 });
    const asked = await tryAsk(QUESTION_2024);
    expect(asked.body.refused).toBe(false);
    expect(asked.body.citations[0]).toMatchObject({ documentId: draftId, source: '2024-ke-hoach-chuyen-doi-so.txt' });
    expect(asked.body.citations[0]?.line).toContain('mục II.1 "Nhiệm vụ trọng tâm về chuyển đổi số"');
    expect(asked.body.retrieved[0]?.score).toBeGreaterThan(0);
    expect((await post<ErrorBody>(`/admin/api/documents/${draftId}/publish`)).status).toBe(409);
  });

  it('shows a document with its outline, text, references to and from other documents and history', async () => {
    const plan12 = await idOf(PLAN_12);
    type Detail = { document: Doc; outline: unknown[]; text: unknown[]; history: Doc[]; references: { to: Array<{ number: string; documentId: string | null }>; from: Array<{ documentId: string }> } };
    const mine = await get<Detail>(`/admin/api/documents/${draftId}`);
    expect(mine.body.references.to).toContainEqual(expect.objectContaining({ number: '12-KH/ĐU', documentId: plan12 }));
    expect(mine.body.text.length).toBe(mine.body.outline.length);
    const cited = await get<Detail>(`/admin/api/documents/${plan12}`);
    expect(cited.body.references.from).toContainEqual(expect.objectContaining({ documentId: draftId }));
    expect(cited.body.history.map((d) => d.id)).toEqual([plan12]);
    expect((await get<ErrorBody>('/admin/api/documents/not-an-id')).status).toBe(404);
  });

  it('replaces a document with a new version, keeps the history, and restores the old one', async () => {
    const oldId = await idOf(PLAN_12);
    const original = await readFile(`data/documents/${PLAN_12}`, 'utf8');
    const edited = original.replace('I. MỤC ĐÍCH, YÊU CẦU', 'I. MỤC ĐÍCH, YÊU CẦU (sửa đổi)');
    const draft = await upload('ke-hoach-12-sua-doi.txt', edited);
    expect(draft.body.replaces?.id).toBe(oldId);
    expect(draft.body.warnings.map((w) => w.code)).toContain('replaces');
    const published = await post<Doc & { replaced: string }>(`/admin/api/documents/${draft.body.id}/publish`);
    expect(published.body).toMatchObject({ status: 'active', version: 2, replaced: oldId });
    const history = await get<{ history: Doc[] }>(`/admin/api/documents/${draft.body.id}`);
    expect(history.body.history.map((d) => [d.id, d.status, d.version])).toEqual([[draft.body.id, 'active', 2], [oldId, 'replaced', 1]]);
    const answered = await tryAsk('Kế hoạch 12-KH/ĐU: mục đích yêu cầu là gì?');
    expect(answered.body.citations.map((c) => c.documentId)).toContain(draft.body.id);
    expect(answered.body.citations.map((c) => c.documentId)).not.toContain(oldId);

    const restored = await post<Doc & { replaced: string }>(`/admin/api/documents/${oldId}/restore`);
    expect(restored.body).toMatchObject({ id: oldId, status: 'active', version: 3, replaced: draft.body.id });
    const after = await get<{ history: Doc[] }>(`/admin/api/documents/${oldId}`);
    expect(after.body.history.map((d) => [d.id, d.status])).toEqual([[oldId, 'active'], [draft.body.id, 'replaced']]);
    const again = await tryAsk('Kế hoạch 12-KH/ĐU: mục đích yêu cầu là gì?');
    expect(again.body.citations.map((c) => c.documentId)).toContain(oldId);
    expect((await post<ErrorBody>(`/admin/api/documents/${oldId}/restore`)).status).toBe(409);
  });

  it('retires a document: no longer answered from, kept in the list as retired, restorable', async () => {
    const retired = await post<Doc>(`/admin/api/documents/${draftId}/retire`);
    expect(retired.body.status).toBe('retired');
    const asked = await tryAsk(QUESTION_2024);
    expect(asked.body.citations.every((c) => c.documentId !== draftId)).toBe(true);
    const listed = await get<{ documents: Doc[] }>('/admin/api/documents?status=retired');
    expect(listed.body.documents.map((d) => d.id)).toEqual([draftId]);
    expect((await post<Doc>(`/admin/api/documents/${draftId}/restore`)).body.status).toBe('active');
    expect((await tryAsk(QUESTION_2024)).body.citations[0]?.documentId).toBe(draftId);
  });

  it('deletes a document and cancels a draft', async () => {
    const deleted = await s.app.request(`/admin/api/documents/${draftId}`, { method: 'DELETE', headers: adminHeaders() });
    expect(await deleted.json()).toEqual({ id: draftId, deleted: true });
    expect((await get(`/admin/api/documents/${draftId}`)).status).toBe(404);
    expect((await tryAsk(QUESTION_2024)).body.citations.every((c) => c.documentId !== draftId)).toBe(true);
    const draft = await upload('nhap.txt', NEW_PLAN.replace('chuyển đổi số trong công tác', 'chuyển đổi số (bản nháp) trong công tác'));
    expect((await post(`/admin/api/documents/${draft.body.id}/cancel`)).body).toEqual({ id: draft.body.id, cancelled: true });
    expect((await get(`/admin/api/documents/${draft.body.id}`)).status).toBe(404);
  });

  it('lists documents filtered by year, type, issuer and status', async () => {
    const list = async (q: string) => (await get<{ documents: Doc[] }>(`/admin/api/documents?${q}`)).body.documents;
    expect((await list('year=2022')).map((d) => d.metadata.year)).toEqual([2022, 2022]);
    expect((await list('type=H%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn')).map((d) => d.source)).toEqual(['2023-huong-dan-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.txt']);
    expect((await list(`issuer=${encodeURIComponent('bắc kạn')}`)).length).toBe(1);
    expect((await list('status=replaced')).map((d) => d.source)).toEqual(['ke-hoach-12-sua-doi.txt']);
    expect((await list('status=active&year=&type=')).length).toBe(5);
    const bad = await get<ErrorBody>('/admin/api/documents?year=abc&status=gone');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_query']);
  });

  it('records every write in the audit log with the admin name', async () => {
    const rows = await s.core.db.query<{ action: string; actor_name: string | null }>(
      `SELECT action, actor_name FROM audit_log WHERE actor_channel = 'admin-api' ORDER BY at, action`,
    );
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['upload', 'update', 'publish', 'restore', 'retire', 'delete', 'cancel']));
    expect(rows.filter((r) => r.action === 'upload').every((r) => r.actor_name === 'Chị Lan')).toBe(true);
  });
});
