/**
 * The user's unit end to end, on every channel: two app instances share one database served over the Postgres
 * wire protocol (pglite-socket, the `pg` driver). Its collection holds the bundled documents plus a xã's copy of
 * the bundled Huyện ủy plan, so "nội dung tuyên truyền trọng tâm năm 2023" has two equally good answers. A
 * Telegram user (fake Bot API on 127.0.0.1) and a Zalo user (fake Zalo Bot API, webhook) set their unit on one
 * instance and ask on the other; the HTTP API sets it with `organisation`. With the unit, the xã's own plan is
 * quoted and said to be theirs; without one, the higher body's plan is quoted and the xã is named; clearing the
 * unit brings that back.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import { createAdminService } from '../../src/admin/admin-service.ts';
import { createTelegramBot, type TelegramBot } from '../../src/channels/telegram/bot.ts';
import { createApiRoutes } from '../../src/http/routes.ts';
import { createHttpApp } from '../../src/http/server.ts';
import { startFakeZaloServer, type FakeZaloServer } from '../fakes/zalo-server.ts';
import { BOT_INFO, textUpdate, TOKEN } from '../channels/telegram/fake-telegram.ts';
import { startFakeTelegramHttp, type FakeTelegramHttp } from '../reliability/fake-telegram-http.ts';
import { createZaloBot, type ZaloBot } from '../../src/channels/zalo/bot.ts';
import { createZaloClient } from '../../src/channels/zalo/client.ts';
import { createSharedChatContexts } from '../../src/channels/zalo/chat-context.ts';
import { openReplicaCore, ZALO_WEBHOOK, zaloText } from '../reliability/replica.ts';
import { startSocketDatabase, type SocketDatabase } from '../reliability/socket-database.ts';
import { addCommunePlan, COMMUNE, COMMUNE_PLAN, DISTRICT_PLAN, FOCUS_QUESTION } from './unit-fixture.ts';

const READER = 4001;
const ZALO_READER = 'z-unit-reader';
const logger = pino({ level: 'silent' });

interface Instance {
  core: Core;
  telegram: TelegramBot;
  zalo: ZaloBot;
  close(): Promise<void>;
}

let database: SocketDatabase;
let tg: FakeTelegramHttp;
let zaloApi: FakeZaloServer;
let a: Instance;
let b: Instance;

/** One app instance on the shared database, its channels wired as src/main.ts wires them. */
async function openInstance(): Promise<Instance> {
  const core = await openReplicaCore(database.url, { seed: true, logger });
  await addCommunePlan(core);
  const admin = createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog });
  const common = { askService: core.askService, library: core.library, activity: core.activity, units: core.units, logger };
  const telegram = createTelegramBot({
    ...common,
    token: TOKEN,
    botInfo: BOT_INFO,
    apiRoot: tg.apiRoot,
    admin,
    clock: core.clock,
    chatMemory: core.chatMemory,
    config: { adminIds: [], rateLimitPerMinute: 100, maxUploadBytes: 1024 * 1024 },
  });
  const client = createZaloClient({ token: zaloApi.token, baseUrl: zaloApi.baseUrl, timeoutMs: 5000, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 } });
  const zalo = createZaloBot({
    ...common,
    client,
    admin,
    config: { adminIds: [], webhook: ZALO_WEBHOOK, rateLimitPerMinute: 100 },
    contexts: createSharedChatContexts(core.chatMemory),
  });
  await zalo.start();
  return {
    core,
    telegram,
    zalo,
    async close() {
      await zalo.stop();
      await core.close();
    },
  };
}

/** Sends a Telegram message to an instance and returns the bot's replies to it. */
async function telegramSays(instance: Instance, text: string): Promise<string> {
  const before = tg.sentTexts(READER).length;
  await instance.telegram.bot.handleUpdate(textUpdate(text, { from: READER }));
  return tg.sentTexts(READER).slice(before).join('\n');
}

/** Delivers a Zalo message to an instance's webhook and returns the bot's replies once they came. */
async function zaloSays(instance: Instance, text: string): Promise<string> {
  const before = zaloApi.sentTexts(ZALO_READER).length;
  const hook = instance.zalo.webhook;
  if (!hook) throw new Error('no webhook');
  const update = zaloText(text, { userId: ZALO_READER });
  await hook.handle(
    new Request(ZALO_WEBHOOK.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': ZALO_WEBHOOK.secret },
      body: JSON.stringify(update),
    }),
  );
  await zaloApi.waitFor(() => zaloApi.sentTexts(ZALO_READER).length > before, 15_000);
  // A long answer comes in several messages: wait until they stop coming.
  let count = -1;
  while (count !== zaloApi.sentTexts(ZALO_READER).length) {
    count = zaloApi.sentTexts(ZALO_READER).length;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return zaloApi.sentTexts(ZALO_READER).slice(before).join('\n');
}

beforeAll(async () => {
  database = await startSocketDatabase();
  tg = await startFakeTelegramHttp(TOKEN);
  zaloApi = await startFakeZaloServer();
  a = await openInstance();
  b = await openInstance();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await zaloApi?.close();
  await tg?.close();
  await database?.close();
});

describe('Telegram: /donvi sets, uses and clears the unit, across instances', () => {
  it('without a unit, quotes the higher body and names the xã that says the same', async () => {
    const reply = await telegramSays(a, FOCUS_QUESTION);
    expect(reply).toContain('Ban Thường vụ Huyện ủy – mục II.1');
    expect(reply).toContain(`Nội dung tương tự cũng có trong văn bản của: ${COMMUNE}`);
    expect(reply).toContain('/donvi');
  });

  it('confirms the body it understood from a name typed without accents, and says when a name fits none', async () => {
    expect(await telegramSays(a, '/donvi dang uy xa tan lap')).toContain(`Đã ghi đơn vị của bạn: ${COMMUNE}`);
    const unknown = await telegramSays(a, '/donvi Đảng ủy phường Hòa Bình');
    expect(unknown).toContain('Chưa tìm thấy');
    // An unknown name leaves the unit as it was.
    expect(await b.core.units.current(`telegram:${READER}`)).toBe(COMMUNE);
  });

  it("on the other instance, answers from the xã's own plan and says it is the user's unit", async () => {
    const reply = await telegramSays(b, FOCUS_QUESTION);
    expect(reply).toContain('Đảng ủy xã Tân Lập huyện Chợ Mới tỉnh Bắc Kạn, đơn vị của bạn – mục II.1');
    expect(reply).not.toContain('Ban Thường vụ Huyện ủy – mục II.1');
    expect(reply).not.toContain('Nội dung tương tự');
  });

  it('/donvi with no name clears it: the answer goes back to the higher body', async () => {
    expect(await telegramSays(b, '/donvi')).toContain(`Đã bỏ đơn vị ${COMMUNE}`);
    expect(await a.core.units.current(`telegram:${READER}`)).toBeNull();
    expect(await telegramSays(a, FOCUS_QUESTION)).toContain('Ban Thường vụ Huyện ủy – mục II.1');
  });
});

describe('Zalo: "đơn vị <tên>" sets, uses and clears the unit, across instances', () => {
  it('sets the unit on one instance and is answered from it on the other', async () => {
    expect(await zaloSays(a, 'đơn vị Đảng ủy xã Tân Lập')).toContain(`Đã ghi đơn vị của bạn: ${COMMUNE}`);
    const reply = await zaloSays(b, FOCUS_QUESTION);
    expect(reply).toContain('đơn vị của bạn');
    expect(reply).not.toContain('Ban Thường vụ Huyện ủy');
  });

  it('an ambiguous name lists the bodies it could mean and keeps the unit', async () => {
    const reply = await zaloSays(a, 'don vi bac kan');
    expect(reply).toContain('khớp với nhiều cơ quan');
    expect(reply).toContain('Tỉnh ủy Bắc Kạn');
    expect(reply).toContain('Thành ủy Bắc Kạn');
    expect(await a.core.units.current(`zalo:${ZALO_READER}`)).toBe(COMMUNE);
  });

  it('"đơn vị" alone clears it', async () => {
    expect(await zaloSays(b, 'don vi')).toContain(`Đã bỏ đơn vị ${COMMUNE}`);
    const reply = await zaloSays(a, FOCUS_QUESTION);
    expect(reply).toContain('Ban Thường vụ Huyện ủy');
    expect(reply).toContain(`Nội dung tương tự cũng có trong văn bản của: ${COMMUNE}`);
  });
});

describe('HTTP API: organisation in POST /api/ask', () => {
  async function ask(instance: Instance, body: Record<string, unknown>) {
    const routes = await createApiRoutes({ admin: createAdminService({ store: instance.core.store, ingestor: instance.core.ingestor, activity: instance.core.activity, catalog: instance.core.catalog }), store: instance.core.store, askService: instance.core.askService, units: instance.core.units, logger, maxUploadBytes: 1024 });
    const app = createHttpApp({ logger, ping: () => instance.core.store.ping(), channelsReady: () => true, webhooks: [], routes });
    const res = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return (await res.json()) as { citations: Array<{ source: string; body?: string; relation?: string }>; organisation: { unit: string | null; note?: string; candidates?: string[] }; answer: string };
  }

  it('sets the unit with organisation, remembers it for the conversation, and clears it with ""', async () => {
    const set = await ask(a, { question: FOCUS_QUESTION, conversation_id: 'unit-api', organisation: 'Đảng ủy xã Tân Lập' });
    expect(set.organisation).toEqual({ unit: COMMUNE });
    expect(set.citations[0]).toMatchObject({ source: COMMUNE_PLAN, body: COMMUNE, relation: 'own' });

    const remembered = await ask(b, { question: FOCUS_QUESTION, conversation_id: 'unit-api' });
    expect(remembered.organisation.unit).toBe(COMMUNE);
    expect(remembered.citations[0]?.source).toBe(COMMUNE_PLAN);

    const cleared = await ask(a, { question: FOCUS_QUESTION, conversation_id: 'unit-api', organisation: '' });
    expect(cleared.organisation).toEqual({ unit: null });
    expect(cleared.citations[0]?.source).toBe(DISTRICT_PLAN);
    expect(cleared.answer).toContain(COMMUNE);
  });

  it('says why a name it cannot place was not used, with the closest bodies', async () => {
    const res = await ask(b, { question: FOCUS_QUESTION, organisation: 'bac kan' });
    expect(res.organisation.unit).toBeNull();
    expect(res.organisation.note).toContain('khớp với nhiều cơ quan');
    expect(res.organisation.candidates).toEqual(expect.arrayContaining(['Tỉnh ủy Bắc Kạn', 'Thành ủy Bắc Kạn']));
  });
});
