/** Wires a real Zalo bot to the fake Zalo server and the fake services, with pino captured to a string. */
import pino from 'pino';
import { createZaloBot, type ZaloBotConfig } from '../../../src/channels/zalo/bot.ts';
import { createZaloClient } from '../../../src/channels/zalo/client.ts';
import { createAskService } from '../../../src/ask/ask-service.ts';
import type { Admin } from '../../../src/core/services.ts';
import type { Answer, Question } from '../../../src/core/types.ts';
import { createFakeActivity, createFakeEngine, createFakeLibrary, fakeAnswer } from '../../fakes/fake-services.ts';
import { startFakeZaloServer } from '../../fakes/zalo-server.ts';

export const WEBHOOK = { url: 'https://bot.example.org/hooks/zalo', secret: 'right-secret-123' };

let nextId = 0;

/** A Zalo update as documented; `group` makes it a group message. */
export function update(
  event: string,
  fields: { text?: string; chatId?: string; userId?: string; group?: boolean; id?: string; extra?: object } = {},
) {
  const chatId = fields.chatId ?? 'chat-1';
  return {
    event_name: event,
    message: {
      message_id: fields.id ?? `msg-${++nextId}`,
      date: Date.now(),
      from: { id: fields.userId ?? 'user-1', display_name: 'Nguyễn Văn A', is_bot: false },
      chat: { id: chatId, chat_type: fields.group ? 'GROUP' : 'PRIVATE' },
      ...(fields.text === undefined ? {} : { text: fields.text }),
      ...fields.extra,
    },
  };
}

/** A text update. */
export const text = (t: string, fields: Parameters<typeof update>[1] = {}) => update('message.text.received', { ...fields, text: t });

/** Everything a bot test needs; call `close()` in afterEach. */
export async function setupBot(
  options: {
    respond?: (q: Question) => Answer;
    config?: Partial<ZaloBotConfig>;
    maxQuestionChars?: number;
    webhook?: boolean;
    slowEngineMs?: number;
    timeoutMs?: number;
  } = {},
) {
  const server = await startFakeZaloServer();
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => void lines.push(s) });
  const retry = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
  const client = createZaloClient({ token: server.token, baseUrl: server.baseUrl, timeoutMs: options.timeoutMs ?? 2000, retry, logger });
  const engine = createFakeEngine(options.respond ?? (() => fakeAnswer()));
  const slowAsk = engine.ask.bind(engine);
  if (options.slowEngineMs) engine.ask = async (q) => (await new Promise((r) => setTimeout(r, options.slowEngineMs)), slowAsk(q));
  const library = createFakeLibrary();
  const activity = createFakeActivity();
  const retired: string[] = [];
  const admin: Pick<Admin, 'stats' | 'retire' | 'history'> = {
    stats: () => activity.stats(),
    retire: async (id) => void retired.push(id),
    history: async () => [],
  };
  const config: ZaloBotConfig = {
    adminIds: ['admin-1'],
    rateLimitPerMinute: 30,
    pollTimeoutSeconds: 1,
    pollErrorDelayMs: 10,
    ...(options.webhook ? { webhook: WEBHOOK } : {}),
    ...options.config,
  };
  const askService = createAskService({ engine, activity, logger, maxQuestionChars: options.maxQuestionChars ?? 300 });
  const bot = createZaloBot({ client, askService, library, activity, logger, config, admin });
  return {
    server,
    bot,
    engine,
    activity,
    retired,
    logs: () => lines.join(''),
    /** Texts sent so far to a chat. */
    sent: (chatId = 'chat-1') => server.sentTexts(chatId),
    /** Waits until `n` texts were sent to the chat. */
    waitForSent: (n: number, chatId = 'chat-1') => server.waitFor(() => server.sentTexts(chatId).length >= n),
    async close() {
      await bot.stop();
      await server.close();
    },
  };
}

export type BotSetup = Awaited<ReturnType<typeof setupBot>>;
