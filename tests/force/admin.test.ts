/**
 * The admin side of documents in force: the review of a draft says what it will replace ("Sẽ thay thế: Quy định
 * số 05-QĐ/TU ngày 12/9/2019") before it is published, through the HTTP admin API and in Telegram; a wrong link
 * is corrected (API route, `/lienket`) and the audit log records it; after publishing, the old document's detail
 * shows it replaced, with its chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Core } from '../../src/app/open-core.ts';
import { createAdminService } from '../../src/admin/admin-service.ts';
import type { DraftReview, UploadRefusal } from '../../src/core/services.ts';
import { createTelegramBot } from '../../src/channels/telegram/bot.ts';
import { renderDraftReview } from '../../src/channels/telegram/render-admin.ts';
import { createApiRoutes } from '../../src/http/routes.ts';
import { createHttpApp } from '../../src/http/server.ts';
import { ADMIN_ID, BOT_INFO, installFakeTelegram, TOKEN, textUpdate } from '../channels/telegram/fake-telegram.ts';
import { checkTelegramHtml } from '../channels/telegram/telegram-html.ts';
import { ADMIN_TOKEN, adminHeaders, fileForm, jsonInit } from '../admin-api/setup.ts';
import { memoryLogger } from '../reliability/replica.ts';
import { forceFile, openForceCore, SOURCES } from './setup.ts';

const WILL_REPLACE = 'Sẽ thay thế: Quy định số 05-QĐ/TU ngày 12/9/2019';

interface ForceBody {
  state: string;
  status: string;
  chain: string[];
  statements: Array<{ id: number; kind: string; linkSource: string; linked: { id: string; name: string } | null; target: { number: string } }>;
}

let core: Core;
let app: Hono;
const log = memoryLogger('warn');

beforeAll(async () => {
  core = await openForceCore('forward', { logger: log.logger, only: [SOURCES.old] });
  const admin = createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog, clock: core.clock });
  const routes = await createApiRoutes({ adminToken: ADMIN_TOKEN, admin, store: core.store, askService: core.askService, logger: log.logger, maxUploadBytes: 256 * 1024 });
  app = createHttpApp({ logger: log.logger, ping: () => core.store.ping(), channelsReady: () => true, webhooks: [], routes });
}, 120_000);
afterAll(() => core?.close());

const request = async <T>(path: string, init: RequestInit = { headers: adminHeaders() }) => {
  const res = await app.request(path, init);
  return { status: res.status, body: (await res.json()) as T };
};
const oldId = async () => (await core.library.findDocument('05-QĐ/TU'))?.id ?? '';
const audit = () => core.db.query<{ action: string; actor_id: string; detail: Record<string, unknown> }>(`SELECT action, actor_id, detail FROM audit_log WHERE action = 'relink-force' ORDER BY id`);

describe('admin API', () => {
  let draftId = '';
  let statementId = 0;

  it('shows what a draft will replace before it is published, linked to the stored document', async () => {
    const { bytes } = await forceFile(SOURCES.replacing);
    const res = await request<{ id: string; warnings: Array<{ code: string; message: string }>; force: ForceBody }>('/admin/api/documents', {
      method: 'POST',
      headers: adminHeaders(),
      body: fileForm(SOURCES.replacing, bytes),
    });
    expect(res.status).toBe(201);
    draftId = res.body.id;
    expect(res.body.warnings).toContainEqual({ code: 'force', message: WILL_REPLACE });
    expect(res.body.force.chain).toEqual([WILL_REPLACE]);
    const [statement] = res.body.force.statements;
    expect(statement).toMatchObject({ kind: 'replaces', linkSource: 'auto', target: { number: '05-QĐ/TU' }, linked: { id: await oldId() } });
    statementId = statement?.id ?? 0;
    const detail = await request<{ force: ForceBody }>(`/admin/api/documents/${draftId}`);
    expect(detail.body.force.chain).toEqual([WILL_REPLACE]);
  });

  it('corrects a wrong link, refuses a bad one, and audits the correction', async () => {
    const path = `/admin/api/documents/${draftId}/force/${statementId}`;
    const none = await request<ForceBody>(path, jsonInit('POST', { target: null }));
    expect(none.status).toBe(200);
    expect(none.body.chain).toEqual([`${WILL_REPLACE} (chưa có trong kho)`]);
    expect(none.body.statements[0]).toMatchObject({ linkSource: 'admin', linked: null });
    expect((await request(path, jsonInit('POST', { target: draftId }))).status).toBe(400);
    expect((await request(path, jsonInit('POST', { target: '00000000-0000-4000-8000-000000000000' }))).status).toBe(400);
    expect((await request(path, jsonInit('POST', { target: 'Quy định 05' }))).status).toBe(400);
    expect((await request(`/admin/api/documents/${draftId}/force/999999`, jsonInit('POST', { target: null }))).status).toBe(404);
    const back = await request<ForceBody>(path, jsonInit('POST', { target: 'auto' }));
    expect(back.body.statements[0]).toMatchObject({ linkSource: 'auto', linked: { id: await oldId() } });
    expect((await audit()).map((a) => [a.detail.to, a.detail.from])).toEqual([
      [null, await oldId()],
      ['auto', null],
    ]);
  });

  it('after publishing, the replaced document shows its status and chain and the answers flag it', async () => {
    expect((await request(`/admin/api/documents/${draftId}/publish`, { method: 'POST', headers: adminHeaders() })).status).toBe(200);
    const detail = await request<{ document: { status: string }; force: ForceBody }>(`/admin/api/documents/${await oldId()}`);
    expect(detail.body.document.status).toBe('active'); // nothing is deleted or hidden: history stays browsable
    expect(detail.body.force).toMatchObject({ state: 'replaced', status: 'Tình trạng: đã được thay thế bởi Quy định số 12-QĐ/TU ngày 20/5/2024' });
    expect(detail.body.force.chain).toEqual(['Được thay thế bởi: Quy định số 12-QĐ/TU ngày 20/5/2024']);
    const tried = await request<{ answer: string }>('/admin/api/try', jsonInit('POST', { question: 'Quy định 05-QĐ/TU còn hiệu lực không?' }));
    expect(tried.body.answer).toContain('không còn hiệu lực: đã được thay thế bởi Quy định số 12-QĐ/TU ngày 20/5/2024');
  });
});

describe('Telegram admin', () => {
  it('renders the review with what the draft will replace, and /lienket corrects the link', async () => {
    const admin = createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog, clock: core.clock });
    const amended = await admin.upload(await forceFile(SOURCES.amending), { channel: 'telegram', userId: String(ADMIN_ID) });
    const plan = await admin.upload(await forceFile(SOURCES.plan), { channel: 'telegram', userId: String(ADMIN_ID) });
    const isReview = (r: DraftReview | UploadRefusal): r is DraftReview => !('refused' in r);
    if (!isReview(amended) || !isReview(plan)) throw new Error('upload refused');
    await admin.publish(plan.document.id, { channel: 'telegram', userId: String(ADMIN_ID) });
    const review = renderDraftReview(await admin.force(amended.document.id).then((force) => ({ ...amended, force })), SOURCES.amending);
    const html = review.join('\n');
    expect(review.every((m) => checkTelegramHtml(m).ok)).toBe(true);
    expect(html).toContain('Sẽ sửa đổi, bổ sung: Kế hoạch số 30-KH/TU ngày 10/1/2025');
    expect(html).toContain(`<code>/lienket ${amended.document.id} 1 bỏ</code>`);

    const { bot } = createTelegramBot({
      token: TOKEN,
      botInfo: BOT_INFO,
      askService: core.askService,
      library: core.library,
      activity: core.activity,
      admin,
      logger: log.logger,
      clock: core.clock,
      config: { adminIds: [ADMIN_ID], rateLimitPerMinute: 1000, maxUploadBytes: 1024 * 1024 },
    });
    const fake = installFakeTelegram(bot);
    await bot.handleUpdate(textUpdate(`/lienket ${amended.document.id} 1 bỏ`, { from: ADMIN_ID }));
    expect(fake.texts().join('\n')).toContain('Sửa đổi, bổ sung: Kế hoạch số 30-KH/TU ngày 10/1/2025 (chưa có trong kho)');
    fake.reset();
    await bot.handleUpdate(textUpdate(`/lienket ${amended.document.id} 1 30-KH/TU`, { from: ADMIN_ID }));
    expect(fake.texts().join('\n')).toMatch(/✅ Đã sửa liên kết\..*Sửa đổi, bổ sung: Kế hoạch số 30-KH\/TU ngày 10\/1\/2025/s);
    fake.reset();
    await bot.handleUpdate(textUpdate(`/lienket ${amended.document.id} 1 bỏ`));
    expect(fake.texts().join('\n')).toContain('chỉ dành cho quản trị viên');
    expect(fake.violations).toEqual([]);
    const rows = await audit();
    expect(rows.slice(-2).map((a) => [a.actor_id, a.detail.named, a.detail.to])).toEqual([
      [String(ADMIN_ID), '30-KH/TU', null],
      [String(ADMIN_ID), '30-KH/TU', plan.document.id],
    ]);
  });
});
