/**
 * The Telegram Bot API answers 429, 5xx or nothing at all. grammY talks real HTTP to a local fake Bot API:
 * rate limits and server errors are retried within bounds and the answer still arrives; long polling rides
 * over getUpdates failures without losing the update; a hung Bot API is abandoned after the API timeout, the
 * failure is logged and the process carries on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import { createAdminService } from '../../src/admin/admin-service.ts';
import { createTelegramBot } from '../../src/channels/telegram/bot.ts';
import { BOT_INFO } from '../channels/telegram/fake-telegram.ts';
import { startFakeTelegramHttp, type FakeTelegramHttp } from './fake-telegram-http.ts';
import { memoryLogger } from './replica.ts';
import { openSeededCore } from '../fixtures/seeded-store.ts';

const TOKEN = '1234567:telegram-faults-token';

describe('Telegram Bot API faults', () => {
  let core: Core;
  let api: FakeTelegramHttp;
  const log = memoryLogger('info');
  let updateId = 500;

  beforeAll(async () => {
    core = await openSeededCore({ logger: log.logger });
    api = await startFakeTelegramHttp(TOKEN);
  });

  afterAll(async () => {
    await core?.close();
    await api?.close();
  });

  function bot(apiTimeoutSeconds?: number) {
    return createTelegramBot({
      token: TOKEN,
      apiRoot: api.apiRoot,
      apiTimeoutSeconds,
      botInfo: BOT_INFO,
      askService: core.askService,
      library: core.library,
      activity: core.activity,
      admin: createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog }),
      logger: log.logger,
      clock: core.clock,
      config: { adminIds: [], rateLimitPerMinute: 1000, maxUploadBytes: 1024 * 1024 },
    });
  }

  function question(chatId: number, text = 'nội dung trọng tâm năm 2023 là gì?') {
    updateId++;
    return {
      update_id: updateId,
      message: { message_id: updateId, date: 1_700_000_000, chat: { id: chatId, type: 'private' as const, first_name: 'A' }, from: { id: chatId, is_bot: false, first_name: 'A' }, text },
    };
  }

  /** Texts sent to a chat, successful or not (the fake records every attempt). */
  const attempts = (chatId: number) => api.calls.filter((c) => c.method === 'sendMessage' && c.body.chat_id === chatId).map((c) => String(c.body.text));

  it('retries a 429 after retry_after and a 5xx after a back-off; the answer arrives once', async () => {
    const telegram = bot();
    api.failNext('sendMessage', { code: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    await telegram.bot.handleUpdate(question(701));
    const rateLimited = attempts(701);
    expect(rateLimited).toHaveLength(2);
    expect(rateLimited[0]).toBe(rateLimited[1]);
    expect(rateLimited[1]).toContain('📄');

    api.failNext('sendMessage', { code: 502, description: 'Bad Gateway' });
    await telegram.bot.handleUpdate(question(702));
    const afterServerError = attempts(702);
    expect(afterServerError).toHaveLength(2);
    expect(afterServerError[1]).toContain('📄');
  }, 30_000);

  it('long polling survives getUpdates failures and answers the queued update', async () => {
    const telegram = bot();
    api.failNext('getUpdates', { code: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    api.failNext('getUpdates', { code: 500, description: 'Internal Server Error' });
    api.queueUpdate(question(703));
    await telegram.start();
    try {
      const deadline = Date.now() + 20_000;
      while (!attempts(703).some((t) => t.includes('📄')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await telegram.stop();
    }
    expect(attempts(703).filter((t) => t.includes('📄'))).toHaveLength(1);
    const polls = api.calls.filter((c) => c.method === 'getUpdates');
    expect(polls.length).toBeGreaterThanOrEqual(3);
  }, 30_000);

  it('abandons a Bot API call that never answers after the API timeout; the handler finishes and logs it', async () => {
    const telegram = bot(1);
    api.stallNext('sendMessage', 5_000);
    api.stallNext('sendMessage', 5_000); // the apology as well
    const started = Date.now();
    await telegram.bot.handleUpdate(question(704));
    expect(Date.now() - started).toBeLessThan(4_500);
    expect(log.text()).toContain('"chatId":704');
    // The next update goes through normally.
    await telegram.bot.handleUpdate(question(705));
    expect(attempts(705).some((t) => t.includes('📄'))).toBe(true);
  }, 30_000);
});
