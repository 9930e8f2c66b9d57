/**
 * Logs never contain tokens, and user text only at debug or trace. The product's own logger, configured as
 * src/main.ts configures it (createLogger with the tokens as secrets), writes at trace level to memory while a
 * Zalo bot (real client, fake Zalo server) and a Telegram bot (grammY over real HTTP to a local fake Bot API)
 * handle a few questions, API errors included: 5xx, 401, error descriptions that echo the token, and an API
 * that cannot be reached at all.
 * The unreachable Telegram case also shows the update finishes: network failures are not retried for ever.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import { createLogger } from '../../src/app/logger.ts';
import { createAdminService } from '../../src/admin/admin-service.ts';
import { createTelegramBot } from '../../src/channels/telegram/bot.ts';
import { BOT_INFO } from '../channels/telegram/fake-telegram.ts';
import { startFakeZaloServer, type FakeZaloServer } from '../fakes/zalo-server.ts';
import { startFakeTelegramHttp, type FakeTelegramHttp } from './fake-telegram-http.ts';
import { createZaloReplica, zaloText } from './replica.ts';
import { openSeededCore } from '../fixtures/seeded-store.ts';

const ZALO_TOKEN = '3141592653:zalo-SECRET-token-abcdef';
const TELEGRAM_TOKEN = '2718281828:TG-secret-TOKEN-ghijkl';
/** The secret halves alone must not appear either (a log that cut the id off would still leak). */
const SECRETS = [ZALO_TOKEN, TELEGRAM_TOKEN, 'zalo-SECRET-token-abcdef', 'TG-secret-TOKEN-ghijkl', encodeURIComponent(ZALO_TOKEN), encodeURIComponent(TELEGRAM_TOKEN)];
/** A question nobody else would type, to find user text in the log. */
const USER_TEXT = 'nội dung trọng tâm năm 2023 xyzzy-riêng-tư';

/** pino levels: 10 trace, 20 debug, 30 info, 40 warn, 50 error. */
interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

/** A free port with nothing listening: the address of an unreachable Bot API. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('logs never contain tokens; user text only at debug', () => {
  let core: Core;
  let zalo: FakeZaloServer;
  let telegramApi: FakeTelegramHttp;
  const lines: string[] = [];
  const logger = createLogger('trace', { destination: { write: (line: string) => void lines.push(line) }, secrets: [ZALO_TOKEN, TELEGRAM_TOKEN] });

  beforeAll(async () => {
    core = await openSeededCore({ logger });
    zalo = await startFakeZaloServer({ token: ZALO_TOKEN });
    telegramApi = await startFakeTelegramHttp(TELEGRAM_TOKEN);
  });

  afterAll(async () => {
    await core?.close();
    await zalo?.close();
    await telegramApi?.close();
  });

  it('a Zalo bot through answers, API errors and an unreachable API', async () => {
    const replica = createZaloReplica(core, zalo, { logger });
    await replica.bot.start();
    await replica.deliverAndWait(zaloText(USER_TEXT, { userId: 'z1' }));
    zalo.failNext('sendMessage', { status: 500, description: `internal error at /bot${ZALO_TOKEN}/sendMessage` }, 5);
    await replica.deliverAndWait(zaloText(USER_TEXT, { userId: 'z2' }));
    zalo.failNext('sendChatAction', { okFalse: 401, description: `token ${ZALO_TOKEN} is invalid` });
    zalo.failNext('sendMessage', { status: 401, errorCode: 401, description: `Unauthorized ${encodeURIComponent(ZALO_TOKEN)}` }, 2);
    await replica.deliverAndWait(zaloText(USER_TEXT, { userId: 'z3' }));
    await replica.bot.stop();
    expect(zalo.sentTexts('z1').length).toBeGreaterThan(0);

    const unreachable = createZaloReplica(core, { ...zalo, baseUrl: `http://127.0.0.1:${await closedPort()}` }, { logger });
    await expect(unreachable.bot.start()).rejects.toThrow();
    await unreachable.deliverAndWait(zaloText(USER_TEXT, { userId: 'z4' })).catch(() => undefined);
  });

  it('a Telegram bot through answers, Bot API errors and an unreachable Bot API', async () => {
    const deps = {
      askService: core.askService,
      library: core.library,
      activity: core.activity,
      clock: core.clock,
      admin: createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog }),
      logger,
      botInfo: BOT_INFO,
      config: { adminIds: [], rateLimitPerMinute: 1000, maxUploadBytes: 1024 * 1024 },
    };
    let updateId = 9000;
    const update = (userId: number) => ({
      update_id: ++updateId,
      message: { message_id: updateId, date: 1_700_000_000, chat: { id: userId, type: 'private' as const, first_name: 'A' }, from: { id: userId, is_bot: false, first_name: 'A' }, text: USER_TEXT },
    });
    const telegram = createTelegramBot({ ...deps, token: TELEGRAM_TOKEN, apiRoot: telegramApi.apiRoot });
    await telegram.bot.handleUpdate(update(1));
    telegramApi.failNext('sendMessage', { code: 400, description: `Bad Request: chat not found for bot${TELEGRAM_TOKEN}` }, 2);
    await telegram.bot.handleUpdate(update(2));
    telegramApi.failNext('sendMessage', { code: 401, description: 'Unauthorized' }, 2);
    await telegram.bot.handleUpdate(update(3));
    expect(telegramApi.calls.filter((c) => c.method === 'sendMessage').length).toBeGreaterThanOrEqual(5);

    const unreachable = createTelegramBot({ ...deps, token: TELEGRAM_TOKEN, apiRoot: `http://127.0.0.1:${await closedPort()}` });
    await unreachable.bot.handleUpdate(update(4)); // resolves: the failure is logged, not retried for ever
    expect(lines.some((l) => l.includes('"updateId":9004') && l.includes('"level":50'))).toBe(true);
  });

  it('the log holds neither token, and user text only in debug or trace lines', () => {
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    expect(text).toMatch(/"level":50/); // the API errors were logged
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const parsed = lines.map((l) => JSON.parse(l) as LogLine);
    const withUserText = parsed.filter((l) => JSON.stringify(l).includes('xyzzy'));
    expect(withUserText.length).toBeGreaterThan(0); // debug lines do carry it, for diagnosis
    expect(withUserText.filter((l) => l.level > 20).map((l) => `${l.level} ${l.msg}`)).toEqual([]);
  });
});
