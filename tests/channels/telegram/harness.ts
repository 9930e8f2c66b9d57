/**
 * Builds a real Telegram bot on fake services and a fake Telegram, for one test.
 */
import { pino } from 'pino';
import type { Update } from 'grammy/types';
import { createTelegramBot, type TelegramBotConfig } from '../../../src/channels/telegram/bot.ts';
import { createAskService } from '../../../src/ask/ask-service.ts';
import { fixedClock } from '../../fakes/clock.ts';
import { createFakeActivity, createFakeEngine, createFakeLibrary } from '../../fakes/fake-services.ts';
import { createFakeAdmin } from './fake-admin.ts';
import { ADMIN_ID, BOT_INFO, installFakeTelegram, TOKEN, type FakeFile } from './fake-telegram.ts';

export const CONFIG: TelegramBotConfig = {
  adminIds: [ADMIN_ID],
  rateLimitPerMinute: 5,
  maxUploadBytes: 5 * 1024 * 1024,
};

export function createHarness(
  options: {
    engine?: ReturnType<typeof createFakeEngine>;
    config?: Partial<TelegramBotConfig>;
    maxQuestionChars?: number;
    apiRoot?: string;
    file?: FakeFile;
    updates?: Update[];
  } = {},
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
    askService: createAskService({ engine, activity, logger, maxQuestionChars: options.maxQuestionChars ?? 500 }),
    library,
    activity,
    admin,
    logger,
    clock: fixedClock('2023-06-15T08:00:00Z'),
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
