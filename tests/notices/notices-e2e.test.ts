/**
 * New-document notices end to end, over the wire fakes: a Telegram Bot API on 127.0.0.1 (grammY reaches it over
 * HTTP) and the fake Zalo Bot API, and one database served over the Postgres wire protocol (pglite-socket, the
 * `pg` driver) shared by two app instances. Telegram and Zalo users subscribe; an admin uploads and publishes a
 * document through Telegram while no dispatcher runs; the instance that published is closed and opened again;
 * then both instances run dispatchers. Each subscriber gets exactly one notice naming the document, and the two
 * who blocked the bot are unsubscribed. A second document published while both dispatchers run reaches the
 * remaining subscribers once as well, and "văn bản mới" lists both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import { createAdminService } from '../../src/admin/admin-service.ts';
import { createTelegramBot, type TelegramBot } from '../../src/channels/telegram/bot.ts';
import { createTelegramNoticeSender } from '../../src/channels/telegram/notices.ts';
import { createZaloClient } from '../../src/channels/zalo/client.ts';
import { createZaloNoticeSender } from '../../src/channels/zalo/notices.ts';
import type { NoticeDesk } from '../../src/core/notices.ts';
import { createPublicationNotices, withPublicationNotices } from '../../src/notices/announce.ts';
import { createNoticeDispatcher, type NoticeDispatcher } from '../../src/notices/dispatcher.ts';
import { outboxCounts } from '../../src/store/notice-outbox.ts';
import { createPgNoticeDesk } from '../../src/store/notice-subscriptions.ts';
import { startFakeZaloServer, type FakeZaloServer } from '../fakes/zalo-server.ts';
import { ADMIN_ID, BOT_INFO, buttons, callbackUpdate, documentUpdate, textUpdate, TOKEN } from '../channels/telegram/fake-telegram.ts';
import { startFakeTelegramHttp, type FakeTelegramHttp } from '../reliability/fake-telegram-http.ts';
import { createZaloReplica, memoryLogger, openReplicaCore, zaloText, type ZaloReplica } from '../reliability/replica.ts';
import { startSocketDatabase, type SocketDatabase } from '../reliability/socket-database.ts';
import { PLAN_45, PLAN_46 } from './plans.ts';

const READER = 3001;
const BLOCKED_READER = 3002;
const ZALO_READER = 'z-reader';
const ZALO_BLOCKED = 'z-blocked';
/** Every wait is bounded: the notices must arrive within seconds. */
const WITHIN_MS = 15_000;

interface Instance {
  core: Core;
  telegram: TelegramBot;
  zalo: ZaloReplica;
  desk: NoticeDesk;
  dispatcher: NoticeDispatcher;
  close(): Promise<void>;
}

let database: SocketDatabase;
let tg: FakeTelegramHttp;
let zalo: FakeZaloServer;
const log = memoryLogger('info');

/** One app instance on the shared database, wired as src/main.ts wires it (dispatcher not started). */
async function openInstance(name: string): Promise<Instance> {
  const logger = log.logger.child({ instance: name });
  const core = await openReplicaCore(database.url, { seed: true, logger });
  const notices = createPublicationNotices({ db: core.db, store: core.store, clock: core.clock, logger });
  const service = createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog });
  const admin = withPublicationNotices(service, notices, logger);
  const desk = createPgNoticeDesk(core.db, core.clock);
  const telegram = createTelegramBot({
    token: TOKEN,
    botInfo: BOT_INFO,
    apiRoot: tg.apiRoot,
    askService: core.askService,
    library: core.library,
    activity: core.activity,
    admin,
    logger,
    clock: core.clock,
    chatMemory: core.chatMemory,
    notices: desk,
    config: { adminIds: [ADMIN_ID], rateLimitPerMinute: 100, maxUploadBytes: 5 * 1024 * 1024 },
  });
  const replica = createZaloReplica(core, zalo, { logger, notices: desk });
  await replica.bot.start();
  const zaloClient = createZaloClient({ token: zalo.token, baseUrl: zalo.baseUrl, timeoutMs: 5000, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 } });
  const senders = [createTelegramNoticeSender(telegram.bot.api, 25), createZaloNoticeSender(zaloClient, 5)];
  const dispatcher = createNoticeDispatcher({ db: core.db, senders, logger, pollMs: 100 });
  notices.onQueued(dispatcher.wake);
  return {
    core,
    telegram,
    zalo: replica,
    desk,
    dispatcher,
    async close() {
      await dispatcher.stop();
      await replica.bot.stop();
      await core.close();
    },
  };
}

/** Resolves once `check` holds, polling; fails after WITHIN_MS. */
async function eventually(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WITHIN_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${WITHIN_MS} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Delivers a Zalo message to an instance's webhook and waits for the bot's reply containing `reply`. */
async function zaloSays(instance: Instance, userId: string, text: string, reply: string): Promise<void> {
  await instance.zalo.deliver(zaloText(text, { userId }));
  await eventually(`Zalo reply "${reply}" to ${userId}`, () => zalo.sentTexts(userId).some((t) => t.includes(reply)));
}

/** The admin uploads `text` through Telegram on `instance` and presses "Đăng" on the review. */
async function publishThroughTelegram(instance: Instance, name: string, text: string): Promise<void> {
  tg.addFile('file-1', text); // documentUpdate sends file_id "file-1"
  await instance.telegram.bot.handleUpdate(documentUpdate({ name, size: Buffer.byteLength(text) }));
  const review = tg.calls.filter((c) => c.method === 'sendMessage' && c.body.chat_id === ADMIN_ID && c.body.reply_markup).at(-1)?.body;
  expect(review, 'the draft review with its buttons').toBeDefined();
  const publish = buttons(review!).find((b) => b.text === '✅ Đăng');
  await instance.telegram.bot.handleUpdate(callbackUpdate(publish!.data, review!, ADMIN_ID));
  expect(tg.sentTexts(ADMIN_ID).at(-1)).toContain('Đã đăng');
}

/** True once no notice waits or is being sent. */
async function outboxSettled(core: Core): Promise<boolean> {
  return (await outboxCounts(core.db)).every((row) => row.status !== 'pending' && row.status !== 'sending');
}

const noticesOf = (texts: string[], number: string) => texts.filter((t) => t.includes(`Văn bản mới: Kế hoạch số ${number}`));

describe('new-document notices over the wire fakes, two instances on one database', () => {
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    database = await startSocketDatabase();
    tg = await startFakeTelegramHttp(TOKEN);
    zalo = await startFakeZaloServer();
    a = await openInstance('A');
    b = await openInstance('B');
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await zalo?.close();
    await tg?.close();
    await database?.close();
  });

  it('subscribes on Telegram (/theodoi) and on Zalo ("theo dõi"), on either instance', async () => {
    await a.telegram.bot.handleUpdate(textUpdate('/theodoi', { from: READER }));
    await b.telegram.bot.handleUpdate(textUpdate('/theodoi', { from: BLOCKED_READER }));
    await a.telegram.bot.handleUpdate(textUpdate('/theodoi', { from: READER }));
    expect(tg.sentTexts(READER)).toEqual([expect.stringContaining('Đã đăng ký'), expect.stringContaining('đã đăng ký nhận thông báo văn bản mới rồi')]);
    await zaloSays(b, ZALO_READER, 'theo dõi', 'Đã đăng ký');
    await zaloSays(a, ZALO_BLOCKED, 'theo doi', 'Đã đăng ký');
    for (const [channel, chat] of [['telegram', String(READER)], ['telegram', String(BLOCKED_READER)], ['zalo', ZALO_READER], ['zalo', ZALO_BLOCKED]] as const) {
      expect(await b.desk.isSubscribed(channel, chat)).toBe(true);
    }
  });

  it('publishes through Telegram with no dispatcher running: the notices wait in the outbox', async () => {
    tg.blockChat(BLOCKED_READER);
    zalo.blockChat(ZALO_BLOCKED);
    await publishThroughTelegram(a, '2024-ke-hoach-45-chuyen-doi-so.txt', PLAN_45);
    expect(await outboxCounts(a.core.db)).toEqual([
      { channel: 'telegram', status: 'pending', count: 2 },
      { channel: 'zalo', status: 'pending', count: 2 },
    ]);
    expect(noticesOf(tg.sentTexts(READER), '45-KH/ĐUK')).toEqual([]);
  });

  it('after a restart of that instance, both dispatchers deliver exactly one notice per subscriber, within seconds', async () => {
    await a.close();
    a = await openInstance('A (restarted)');
    a.dispatcher.start();
    b.dispatcher.start();
    await eventually('both readers notified and the outbox settled', async () =>
      noticesOf(tg.sentTexts(READER), '45-KH/ĐUK').length > 0 && noticesOf(zalo.sentTexts(ZALO_READER), '45-KH/ĐUK').length > 0 && (await outboxSettled(b.core)),
    );
    const [telegramNotice] = noticesOf(tg.sentTexts(READER), '45-KH/ĐUK');
    expect(noticesOf(tg.sentTexts(READER), '45-KH/ĐUK')).toHaveLength(1);
    expect(noticesOf(zalo.sentTexts(ZALO_READER), '45-KH/ĐUK')).toHaveLength(1);
    for (const expected of ['tuyên truyền chuyển đổi số trong các cơ quan Đảng năm 2024', 'Ban Thường vụ Đảng ủy Khối', 'năm 2024', 'Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số', '/xem 45-KH/ĐUK']) {
      expect(telegramNotice).toContain(expected);
    }
    expect(zalo.sentTexts(ZALO_READER).at(-1)).toContain('"xem 45-KH/ĐUK"');
  });

  it('unsubscribes the Telegram user who blocked the bot (403) and the Zalo user Zalo refuses (403)', async () => {
    expect(await a.desk.isSubscribed('telegram', String(BLOCKED_READER))).toBe(false);
    expect(await a.desk.isSubscribed('zalo', ZALO_BLOCKED)).toBe(false);
    expect(await a.desk.isSubscribed('telegram', String(READER))).toBe(true);
    expect(await outboxCounts(a.core.db)).toEqual([
      { channel: 'telegram', status: 'dropped', count: 1 },
      { channel: 'telegram', status: 'sent', count: 1 },
      { channel: 'zalo', status: 'dropped', count: 1 },
      { channel: 'zalo', status: 'sent', count: 1 },
    ]);
    expect(log.text()).toContain('subscriber unsubscribed');
  });

  it('a document published while both dispatchers run reaches the remaining subscribers once', async () => {
    await publishThroughTelegram(b, '2024-ke-hoach-46-so-hoa.txt', PLAN_46);
    await eventually('the second notice delivered', async () =>
      noticesOf(tg.sentTexts(READER), '46-KH/ĐUK').length > 0 && noticesOf(zalo.sentTexts(ZALO_READER), '46-KH/ĐUK').length > 0 && (await outboxSettled(a.core)),
    );
    expect(noticesOf(tg.sentTexts(READER), '46-KH/ĐUK')).toHaveLength(1);
    expect(noticesOf(zalo.sentTexts(ZALO_READER), '46-KH/ĐUK')).toHaveLength(1);
    expect(noticesOf(zalo.sentTexts(ZALO_BLOCKED), '46-KH/ĐUK')).toEqual([]);
    expect(noticesOf(tg.sentTexts(READER), '45-KH/ĐUK')).toHaveLength(1);
  });

  it('"/moi" and "văn bản mới" list what was published in the last 30 days, newest first', async () => {
    await b.telegram.bot.handleUpdate(textUpdate('/moi', { from: READER }));
    const listed = tg.sentTexts(READER).at(-1) ?? '';
    expect(listed).toContain('Văn bản mới đăng trong 30 ngày qua (2)');
    expect(listed.indexOf('46-KH/ĐUK')).toBeLessThan(listed.indexOf('45-KH/ĐUK'));
    await zaloSays(a, ZALO_READER, 'văn bản mới', 'Văn bản mới đăng trong 30 ngày qua (2)');
    await zaloSays(a, ZALO_READER, 'xem 2', 'MỤC ĐÍCH, YÊU CẦU');
  });

  it('"/boqua" and "bỏ theo dõi" unsubscribe', async () => {
    await a.telegram.bot.handleUpdate(textUpdate('/boqua', { from: READER }));
    expect(tg.sentTexts(READER).at(-1)).toContain('Đã thôi nhận thông báo');
    await zaloSays(b, ZALO_READER, 'bỏ theo dõi', 'Đã thôi nhận thông báo');
    expect(await a.desk.isSubscribed('telegram', String(READER))).toBe(false);
    expect(await a.desk.isSubscribed('zalo', ZALO_READER)).toBe(false);
  });
});
