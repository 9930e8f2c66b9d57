/**
 * Builds a real Telegram bot on fake services and a fake Telegram, for one test.
 */
import { pino } from 'pino';
import type { Update } from 'grammy/types';
import { createTelegramBot, type TelegramBotConfig } from '../../../src/channels/telegram/bot.ts';
import { createFakeActivity, createFakeEngine, createFakeLibrary } from '../../fakes/fake-services.ts';
import { createFakeAdmin } from './fake-admin.ts';
import { ADMIN_ID, BOT_INFO, installFakeTelegram, TOKEN, type FakeFile } from './fake-telegram.ts';

export const CONFIG: TelegramBotConfig = {
  adminIds: [ADMIN_ID],
  maxQuestionChars: 500,
  rateLimitPerMinute: 5,
  maxUploadBytes: 5 * 1024 * 1024,
};

export function createHarness(
  options: { engine?: ReturnType<typeof createFakeEngine>; config?: Partial<TelegramBotConfig>; apiRoot?: string; file?: FakeFile; updates?: Update[] } = {},
) {
  const engine = options.engine ?? createFakeEngine();
  const library = createFakeLibrary();
  const activity = createFakeActivity();
  const admin = createFakeAdmin();
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const telegram = createTelegramBot({
    token: TOKEN,
    botInfo: BOT_INFO,
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
    engine,
    library,
    activity,
    admin,
    logger,
    config: { ...CONFIG, ...options.config },
  });
  const fake = installFakeTelegram(telegram.bot, { ...(options.file ? { file: options.file } : {}), ...(options.updates ? { updates: options.updates } : {}) });
  return {
    telegram,
    fake,
    engine,
    library,
    activity,
    admin,
    logs,
    send: (update: Update) => telegram.bot.handleUpdate(update),
  };
}
